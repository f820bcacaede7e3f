# Shared by the bench scripts (sourced).

# write_doc_section SCRIPT SECTION: replaces the block between "<!-- SCRIPT: start -->" and
# "<!-- SCRIPT: end -->" in docs/benchmarks.md with SECTION (which carries both markers), or appends it.
write_doc_section() {
    local doc=docs/benchmarks.md
    [[ -f $doc ]] || printf '# Benchmarks\n\n' >"$doc"
    python3 - "$doc" "$1" "$2" <<'PY'
import re, sys
path, script, section = sys.argv[1:4]
text = open(path).read()
pattern = re.compile(r"<!-- " + re.escape(script) + r": start -->.*?<!-- " + re.escape(script) + r": end -->", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
    echo "wrote $doc" >&2
}
