import CEditLine
import CoachKit

#if canImport(Glibc)
    import Glibc
#endif

/// Line editing with libedit: arrows, Ctrl-A/E/K/W, Ctrl-R, and a history kept in a
/// file. See ../shared/notes/libedit.md for the traps this avoids.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    /// The prompt, as wide characters that outlive each call to the prompt function.
    private var promptBuffer: UnsafeMutablePointer<wchar_t>
    /// The completion function's name and help: libedit keeps the pointers, not
    /// copies, so they live as long as the editor.
    private let completionName = EditLineReader.wide("coach-complete")
    private let completionHelp = EditLineReader.wide("Complete")
    private let colors: Bool
    /// The ways to finish the word before the cursor, given the line up to it.
    public var completer: ((String) -> [String])?

    /// Sets up libedit on the terminal; `historyPath` is loaded now and saved after
    /// each line. Returns nil when libedit cannot start.
    public init?(program: String, historyPath: String?, historySize: Int32 = 1000, colors: Bool = false) {
        // libedit drops accented characters unless the locale's codeset is UTF-8.
        setlocale(LC_CTYPE, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard let editLine = coach_el_init(program), let history = history_winit() else { return nil }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.promptBuffer = Self.wide("> ")
        self.colors = colors

        coach_history_set_size(history, historySize)
        coach_history_set_unique(history, 1)
        if let historyPath {
            _ = coach_history_load(history, historyPath)
        }
        coach_el_set_history(editLine, history)
        coach_el_set_editor(editLine, Self.wide("emacs"))
        coach_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        coach_el_set_prompt(
            editLine,
            { editLine in
                guard let editLine, let data = coach_el_get_client_data(editLine) else { return nil }
                return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().promptBuffer
            }, 1)
        // ~/.editrc first, so that a `bind -v` there cannot erase the coach's bindings.
        el_source(editLine, nil)
        coach_el_add_function(
            editLine, completionName, completionHelp,
            { editLine, _ in
                guard let editLine, let data = coach_el_get_client_data(editLine) else { return UInt8(CC_ERROR) }
                return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().complete()
            })
        let key = Self.wide("^I")
        let function = Self.wide("coach-complete")
        coach_el_bind(editLine, key, function)  // copied by libedit
        key.deallocate()
        function.deallocate()
        coach_el_set_signal(editLine, 1)
        Self.installInterruptHandler()
    }

    deinit {
        el_end(editLine)
        history_wend(history)
        promptBuffer.deallocate()
        completionName.deallocate()
        completionHelp.deallocate()
    }

    public func readLine(prompt: String) -> LineEvent {
        promptBuffer.deallocate()
        // Escape sequences sit between \u{1} markers so that libedit knows they take no room.
        promptBuffer = Self.wide(colors ? "\u{1}\u{1B}[1;36m\u{1}\(prompt)\u{1}\u{1B}[0m\u{1}" : prompt)
        var count: Int32 = 0
        errno = 0
        guard let wide = el_wgets(editLine, &count) else {
            if count < 0 && errno == EINTR {
                print("^C")
                return .interrupted
            }
            print()
            return .endOfInput
        }
        var line = Self.string(fromWide: wide)
        if line.hasSuffix("\n") { line.removeLast() }
        line = line.composed
        if !line.trimmingSpaces.isEmpty {
            line.withCString(encodedAs: UTF32.self) { pointer in
                pointer.withMemoryRebound(to: wchar_t.self, capacity: line.unicodeScalars.count + 1) {
                    _ = coach_history_enter(history, $0)
                }
            }
            if let historyPath {
                _ = FileSystem.makeFolder(PathText.deletingLastComponent(historyPath))
                _ = coach_history_save(history, historyPath)
            }
        }
        return .line(line)
    }

    /// Tab: completes the word before the cursor, or lists the candidates.
    private func complete() -> UInt8 {
        guard let completer, let info = el_wline(editLine)?.pointee else { return UInt8(CC_ERROR) }
        var before = String.UnicodeScalarView()
        var pointer = info.buffer
        while let current = pointer, current < info.cursor {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: current.pointee)) { before.append(scalar) }
            pointer = current + 1
        }
        let line = String(before)
        let word = String(line.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        let candidates = completer(line)
        guard !candidates.isEmpty else { return UInt8(CC_ERROR) }
        var common = candidates[0]
        for candidate in candidates.dropFirst() {
            while !candidate.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        if candidates.count == 1 { common += candidates[0].hasSuffix("/") ? "" : " " }
        if common.count > word.count {
            // Replace the typed word, so that a completion may fix its case or accents.
            el_deletestr(editLine, Int32(word.unicodeScalars.count))
            let inserted = Self.wide(common)
            defer { inserted.deallocate() }
            el_winsertstr(editLine, inserted)
            return UInt8(CC_REFRESH)
        }
        print("\n" + candidates.joined(separator: "  "))
        return UInt8(CC_REDISPLAY)
    }

    /// A NUL-terminated wide copy of `text`, to deallocate by the caller.
    static func wide(_ text: String) -> UnsafeMutablePointer<wchar_t> {
        let scalars = Array(text.unicodeScalars)
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            buffer[index] = wchar_t(bitPattern: scalar.value)
        }
        buffer[scalars.count] = 0
        return buffer
    }

    static func string(fromWide pointer: UnsafePointer<wchar_t>) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while pointer[index] != 0 {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: pointer[index])) { scalars.append(scalar) }
            index += 1
        }
        return String(scalars)
    }

    /// Ctrl-C must interrupt `el_wgets` (no SA_RESTART) without killing the process.
    private static func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
