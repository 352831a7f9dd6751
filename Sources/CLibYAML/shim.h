// libyaml, the reference YAML parser, read through its event API: CoachKit's own
// reader handles the plain YAML of knowledge and answers files, and hands libyaml
// everything else, so that its errors and positions are the ones users see.
#include <yaml.h>
