package nlp

import (
	"runtime"
	"strings"
)

// RuleID returns the id of the rule that made a relation or a link. An id
// set by the rule (id) is kept; when id is empty or only names a branch
// ("/possessor", for a function that holds several rules), it is completed
// with the name of the function skip frames above RuleID's caller, as
// "package.function" ("relate.verb", "resolve.bodyLinks/possessor"): the
// module path, the receiver type and closure suffixes are dropped, so the id
// stays the same when a rule's body changes. The one constructor that
// records relations (or links) calls it with skip 1, naming the function
// that called the constructor; see "Rule ids" in docs/relations.md.
func RuleID(id string, skip int) string {
	if id != "" && !strings.HasPrefix(id, "/") {
		return id
	}
	var pc [1]uintptr
	if runtime.Callers(skip+2, pc[:]) == 0 {
		return "unknown" + id
	}
	f, _ := runtime.CallersFrames(pc[:]).Next()
	return ruleName(f.Function) + id
}

// ruleName shortens a runtime function name to a rule id:
// "github.com/kg-project/kg/extract/relate.(*walker).verb.func2" is "relate.verb".
func ruleName(fn string) string {
	fn = fn[strings.LastIndex(fn, "/")+1:]
	pkg, rest, _ := strings.Cut(fn, ".")
	name := rest
	for _, part := range strings.Split(rest, ".") {
		if !isClosure(part) {
			name = part // the function or method: the last part before closures
		}
	}
	return pkg + "." + name
}

// isClosure reports whether part of a function name names a closure: "func2", "3".
func isClosure(part string) bool {
	part = strings.TrimPrefix(part, "func")
	return part != "" && strings.Trim(part, "0123456789") == ""
}
