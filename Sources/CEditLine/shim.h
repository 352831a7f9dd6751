// libedit for Swift: libedit's configuration calls are variadic, which Swift cannot
// call, so each use is wrapped here in a plain inline function.
#ifndef COACH_CEDITLINE_SHIM_H
#define COACH_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

/// el_init on the standard streams (Swift 6 cannot name the C globals stdin/stdout/stderr).
static inline EditLine *coach_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

typedef wchar_t *(*coach_prompt_fn)(EditLine *);
typedef unsigned char (*coach_command_fn)(EditLine *, int);

static inline int coach_el_set_prompt(EditLine *el, coach_prompt_fn prompt, wchar_t escape) {
    return el_wset(el, EL_PROMPT_ESC, prompt, escape);
}
static inline int coach_el_set_editor(EditLine *el, const wchar_t *mode) {
    return el_wset(el, EL_EDITOR, mode);
}
static inline int coach_el_set_signal(EditLine *el, int on) {
    return el_wset(el, EL_SIGNAL, on);
}
static inline int coach_el_set_history(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}
static inline int coach_el_set_client_data(EditLine *el, void *data) {
    return el_wset(el, EL_CLIENTDATA, data);
}
static inline void *coach_el_get_client_data(EditLine *el) {
    void *data = NULL;
    el_wget(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int coach_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help, coach_command_fn fn) {
    return el_wset(el, EL_ADDFN, name, help, fn);
}
static inline int coach_el_bind(EditLine *el, const wchar_t *key, const wchar_t *name) {
    return el_wset(el, EL_BIND, key, name, NULL);
}

static inline int coach_history_set_size(HistoryW *h, int size) {
    HistEventW event;
    return history_w(h, &event, H_SETSIZE, size);
}
static inline int coach_history_set_unique(HistoryW *h, int unique) {
    HistEventW event;
    return history_w(h, &event, H_SETUNIQUE, unique);
}
static inline int coach_history_enter(HistoryW *h, const wchar_t *line) {
    HistEventW event;
    return history_w(h, &event, H_ENTER, line);
}
static inline int coach_history_load(HistoryW *h, const char *path) {
    HistEventW event;
    return history_w(h, &event, H_LOAD, path);
}
static inline int coach_history_save(HistoryW *h, const char *path) {
    HistEventW event;
    return history_w(h, &event, H_SAVE, path);
}
/// The number of entries, or -1.
static inline int coach_history_length(HistoryW *h) {
    HistEventW event;
    if (history_w(h, &event, H_GETSIZE) < 0) return -1;
    return event.num;
}

#endif
