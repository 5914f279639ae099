#!/usr/bin/env python3
"""Differential tests of the Swift `.env` parser (DotEnv, compat mode) against python-dotenv 1.2.2.

Set-up (once):
    python3 -m venv /tmp/dotenv-venv && /tmp/dotenv-venv/bin/pip install python-dotenv==1.2.2

Regenerate the expected values embedded in the Swift tests (so they run without Python):
    /tmp/dotenv-venv/bin/python scripts/dotenv-differential.py generate \
        > Tests/SettingsTests/DotEnvDifferentialCases.swift

Compare the CLI against `json.dumps(dotenv_values(FILE))` for every case, through real files:
    swift build --product pixel
    /tmp/dotenv-venv/bin/python scripts/dotenv-differential.py compare .build/debug/pixel

What is recorded per case, with `os.environ` replaced by the case's environment:
- `dotenv_values(stream=io.StringIO(text), interpolate=...)` in order (None for keys without `=`);
- the line numbers python-dotenv warns about ("could not parse statement starting at line N");
- for every binding that defines a key, the line:column of its key and of its value, derived from
  `parse_stream`'s `original` strings (physical lines: CR, LF and CRLF each end one; columns in code
  points);
- the names interpolation looks up in the environment (names not defined earlier in the file).

Deliberate difference: a leading BOM is stripped by the Swift parser (as upstream main does), so
for texts that start with U+FEFF the expected values are computed on the text without it.
"""

import contextlib
import io
import json
import logging
import os
import re
import subprocess
import sys
import tempfile

from dotenv import dotenv_values
from dotenv.parser import parse_stream
from dotenv.variables import Variable, parse_variables

# (name, text) — parser cases, interpolation on, empty environment.
PARSER_CASES = [
    # test_parser.py::test_parse_stream categories
    ("empty input", ""),
    ("basic", "a=b"),
    ("single-quoted key", "'a'=b"),
    ("single-quoted key with space", "'a b'=1"),
    ("single-quoted key with equals and hash", "'a=b#c'=d"),
    ("empty single-quoted key", "''=1\nB=2"),
    ("multiline single-quoted key", "'a\nb'=1\nc=2"),
    ("unterminated single-quoted key", "'abc=1\nB=2"),
    ("single-quoted key then text", "'A'B=1\nC=2"),
    ("single-quoted key without value", "'A'"),
    ("single-quoted key spaced equals", "'A' =  1"),
    ("bracket key", "[=b"),
    ("bracket key leading space", " [=b"),
    ("export bracket key", "export [=b"),
    ("leading space export", " export [=b"),
    ("space before equals", "[ =b"),
    ("space after equals", "[= b"),
    ("trailing space", "[=b "),
    ("trailing tab", "[=b\t"),
    ("trailing newline", "[=b\n"),
    ("ugly key and hash in quotes", "uglyKey[%$=\"S3cr3t_P4ssw#rD\" #\na=b"),
    ("odd key characters", "a.b-c/d=1\n%x$y=2\nk:v=3"),
    ("colon key without value", "A:b"),
    ("colon space is an error", "a: b"),
    ("double-quoted key keeps quotes", "\"A\"=1"),
    ("export forms", "export A=1\nexport  B=2\nexport\tC=3\n  export D=4"),
    ("export without value", "export A"),
    ("export as key", "export=1"),
    ("export export_a", "export export_a=1"),
    ("export port", "export port=8000"),
    ("exporter key", "exporter=1"),
    ("export space equals is an error", "export =1\nB=2"),
    ("export at end is an error", "A=1\nexport "),
    ("export then newline is an error", "export \nB=1"),
    ("export two words is an error", "export A B\nC=1"),
    ("export alone is a key", "export\nB=1"),
    ("export then comment", "export # note\nB=1"),
    ("value with space", "a=b c"),
    ("value with tab", "a=b\tc"),
    ("value with double space", "a=b  c"),
    ("value with nbsp", "a=b\u00a0c"),
    ("value with nbsp space", "a=b\u00a0 c"),
    ("value trailing space trimmed", "a=b c "),
    ("value trailing nbsp trimmed", "a=b\u00a0"),
    ("value ideographic space hash", "a=b\u3000#c"),
    ("value line separator kept inside", "a=b\u2028x"),
    ("next line char is not a newline", "A=1\x85B=2"),
    ("single quotes keep trailing space", "a='b c '"),
    ("double quotes keep trailing space", "a=\"b c \""),
    ("multiline double", "a=\"b\nc\""),
    ("multiline single", "a='b\nc'"),
    ("escaped n in double", "a=\"b\\nc\""),
    ("escaped n in single stays", "a='b\\nc'"),
    ("escaped double quote", "a=\"b\\\"c\""),
    ("escaped single quote", "a='b\\'c'"),
    ("all double escapes", "a=\"\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"\""),
    ("unknown double escapes stay", "a=\"\\x41\\u00e9\\e\\0\\$\\q\""),
    ("single escapes", "a='\\\\ \\' \\n \\t'"),
    ("non-ascii value", "a=\u00e0"),
    ("non-ascii quoted value", "a=\"\u00e0\""),
    ("astral value and key", "a=\U0001F600\n\U0001F511=v"),
    ("key without value", "no_value_var"),
    ("key without value and comment", "A # comment\nB=1"),
    ("key without value trailing spaces", "A   \nB"),
    ("LF", "a=b\nc=d"),
    ("CR", "a=b\rc=d"),
    ("CRLF", "a=b\r\nc=d"),
    ("mixed terminators", "a=1\rb=2\nc=3\r\nd=4"),
    ("empty value", "a=\nb=c"),
    ("empty value CRLF", "a=\r\nb=c"),
    ("empty value at end", "a="),
    ("empty value spaces", "a=  \nb=\t"),
    ("blank lines only", "\n\n"),
    ("blank lines after", "a=b\n\n"),
    ("blank line between", "a=b\n\nc=d"),
    ("whitespace lines", "  \n \t\n"),
    ("unterminated double quote recovers", "a=\"\nb=c"),
    ("unterminated double quote one line", "A=\"x\nB=2"),
    ("unterminated single quote", "A='x\nB=2"),
    ("comment then multiline", "# comment\na=\"b\nc\"\nd=e\n"),
    ("comment after binding", "a=b\n# comment 1"),
    ("two comments", "# comment 1\n# comment 2"),
    ("lone hash", "#"),
    ("indented comment", "  # indented\nA=1"),
    ("inline comment space", "a=b #c"),
    ("inline comment tab", "a=b\t#c"),
    ("hash without space", "a=b#c"),
    ("comment line after empty value", "a=\n#c"),
    ("hash in double quotes", "a=\"b#c\""),
    ("hash in double quotes then comment", "a=\"b#c\" # d"),
    ("quirk 600: space hash after equals", "a= #c"),
    ("hash right after equals", "a=#c"),
    ("two inline comments", "a=b # c # d"),
    ("hash then spaced hash", "a=b#c #d"),
    ("text after double-quoted value", "a=\"b\" c\nd=e"),
    ("text after single-quoted value", "a='b' c\nd=e"),
    ("adjacent double quotes", "A=\"a\"\"b\"\nB=1"),
    ("triple quotes", "A=\"\"\"x\"\"\"\nB=1"),
    ("comment right after quote", "A=\"x\"#c"),
    ("single quote then comment", "A='x' # c"),
    ("double quote then spaces", "A=\"x\"   "),
    ("double quote then tab hash", "A=\"x\"\t#c"),
    ("empty key", "=b\nc=d"),
    ("space in key", "A b=1\nc=d"),
    ("bad line", "bad line here\nA=1"),
    ("bad line after blank lines", "a=1\n\n\nbad line\nb=2"),
    ("bad lines CRLF", "bad line\r\nB=1\r\nbad again\r\nC=2\r\n\r\nD x\r\nE=5"),
    ("blank CRLF then bad", "\r\n\r\nbad\r\nA=1"),
    ("bad line CR", "bad line\rB=1\rC D\rE=3"),
    ("junk after multiline value", "A=\"x\ny\" z\nB=1\nC D\nE=2"),
    ("backtracking single quote at end", "A='a\\'"),
    ("backtracking single quote later", "A='a\\' B='c'\nD=1"),
    ("backtracking double quote at end", "A=\"a\\\""),
    ("escaped backslash before quote", "A=\"a\\\\\"b\"\nB=2"),
    ("escaped quote inside word", "A='it\\'s'"),
    ("backslash at end of single", "A='C:\\\\'\nB=1"),
    ("duplicates keep first position", "a=1\nb=2\na=3"),
    ("value then bare key", "a=1\na"),
    ("bare key then value", "a\na=1"),
    ("BOM stripped", "\ufeffA=1\nB=2"),
    ("second BOM kept", "\ufeff\ufeffA=1"),
    ("BOM then comment", "\ufeff# c\nA=1"),
    ("leading nbsp skipped", "\u00a0A=1"),
    ("nbsp before equals", "A\u00a0=1"),
    ("nbsp after equals", "A=\u00a01"),
    ("vertical tab and form feed", "\x0bA=1\x0c\n\x1cB=2"),
    ("line separator before key", "\u2028A=1"),
    ("line separator after equals", "A=\u2028\nB=1"),
    ("tabs everywhere", "\tA\t=\t1\t"),
    ("CRLF inside double quotes", "A=\"x\r\ny\"\r\nB=1"),
    ("CR inside single quotes", "A='x\ry'\rB=1"),
    ("no line continuation", "A=1 \\\nB=2"),
    ("backslashes and backticks unquoted", "A=a\\ b\\\nB=`x`\nC=a'b\"c"),
    ("lone quote values", "A='\nB=\"\nC=3"),
    ("value starting with quote then text", "A=\"x\"y\nB=1"),
    ("long file", "\n".join(f"KEY_{i}=value {i} # note" for i in range(45))),
]

# (name, environment, text, interpolate) — test_main.py::test_dotenv_values_string_io (all 20) and more.
INTERPOLATION_CASES = [
    ("env $b not expanded", {"b": "c"}, "a=$b", False),
    ("env $b not expanded interpolating", {"b": "c"}, "a=$b", True),
    ("env ${b} not interpolating", {"b": "c"}, "a=${b}", False),
    ("env ${b}", {"b": "c"}, "a=${b}", True),
    ("env ${b:-d} not interpolating", {"b": "c"}, "a=${b:-d}", False),
    ("env ${b:-d}", {"b": "c"}, "a=${b:-d}", True),
    ("file defined", {}, "b=c\na=${b}", True),
    ("undefined", {}, "a=${b}", True),
    ("undefined with default", {}, "a=${b:-d}", True),
    ("double quotes expand", {"b": "c"}, 'a="${b}"', True),
    ("single quotes expand", {"b": "c"}, "a='${b}'", True),
    ("surrounding text", {"b": "c"}, "a=x${b}y", True),
    ("self reference from env", {"a": "b"}, "a=${a}", True),
    ("self reference undefined", {}, "a=${a}", True),
    ("self reference default unused", {"a": "b"}, "a=${a:-c}", True),
    ("self reference default", {}, "a=${a:-c}", True),
    ("reused variable", {"b": "c"}, "a=${b}${b}", True),
    ("file redefinition beats env", {"b": "c"}, "b=d\na=${b}", True),
    ("redefined before use", {}, "a=b\na=c\nd=${a}", True),
    ("redefinition order", {}, "a=b\nc=${a}\nd=e\nc=${d}", True),
    # test_variables.py atoms and the quirks of section b.3
    ("adjacent variables", {"a": "1", "b": "2"}, "x=${a}${b}", True),
    ("literal between variables", {"a": "1", "b": "2"}, "x=${a}-${b}!", True),
    ("nested default is not nested", {"Y": "y"}, "x=${X:-${Y}}", True),
    ("empty name", {}, "x=${}", True),
    ("empty name with default", {}, "x=${:-d}", True),
    ("dash without colon is part of the name", {"X": "x"}, "x=${X-d}", True),
    ("dollar dollar stays", {"X": "x"}, "x=$$ $X $", True),
    ("unterminated references stay", {"X": "x"}, "a=${\nb=${X\nc=${X:-d\nd=${X:d}", True),
    ("empty default", {}, "x=${X:-}", True),
    ("default with colon", {}, "x=${X:-a:b}", True),
    ("extra brace", {"X": "x"}, "x=${X}}", True),
    ("dollar brace inside name", {"${X": "odd"}, "x=${${X}}", True),
    ("spaces in name", {" X ": "spaced"}, "x=${ X }", True),
    ("set but empty beats default", {"X": ""}, "x=${X:-d}", True),
    ("bare key shadows env", {"X": "e"}, "X\nA=${X}\nB=${X:-d}", True),
    ("forward reference uses env", {"X": "e"}, "A=${X}\nX=1", True),
    ("forward reference undefined", {}, "A=${X}\nX=1", True),
    ("no interpolation keeps everything", {"X": "x"}, "A=${X}\nB='${X}'\nC=\"${X:-d}\"", False),
    ("escaped dollar in double quotes", {"X": "x"}, "A=\"\\${X}\"", True),
    ("multiline value with reference", {"X": "x"}, "A=\"1\n${X}\n2\"", True),
    ("unicode name", {"\u00e9": "acute"}, "A=${\u00e9}", True),
    ("default with spaces", {}, "A=\"${X:-a b}\"", True),
    ("expanded value not rescanned", {"X": "${Y}", "Y": "no"}, "A=${X}", True),
    ("earlier resolved value used", {"X": "x"}, "A=${X}\nB=${A}", True),
    ("duplicate uses previous value", {}, "a=1\na=${a}2", True),
    ("reference in key stays", {"X": "x"}, "${X}=1", True),
    ("many references", {"H": "h", "P": "8080"}, "URL=http://${H}:${P}/${PATH_PART:-api}/${H}", True),
    ("env value with newline", {"X": "a\nb"}, "A=${X}", True),
]


def strip_bom(text):
    return text[1:] if text.startswith("\ufeff") else text


_newline = re.compile(r"\r\n|\n|\r")
_hspace = r"[^\S\r\n]*"


def physical(text, offset):
    """(line, column) of `offset`: CR, LF and CRLF each end a line; columns count code points."""
    prefix = text[:offset]
    line = 1 + len(_newline.findall(prefix))
    last = 0
    for match in _newline.finditer(prefix):
        last = match.end()
    return line, offset - last + 1


def binding_locations(text):
    """[(key line, key column, value line, value column or None)] for bindings that define a key."""
    locations = []
    offset = 0
    for binding in parse_stream(io.StringIO(text)):
        original = binding.original.string
        if binding.key is not None and not binding.error:
            at = offset + re.match(r"\s*", original).end()
            at += re.compile(r"(?:export[^\S\r\n]+)?").match(text, at).end() - at
            key_line, key_column = physical(text, at)
            at += len(binding.key) + 2 if text[at] == "'" else len(binding.key)
            at = re.compile(_hspace).match(text, at).end()
            value = None
            if binding.value is not None:
                at = re.compile(r"=" + _hspace).match(text, at).end()
                value = physical(text, at)
            locations.append((key_line, key_column) + (value if value else (None, None)))
        offset += len(original)
    return locations


def referenced_names(text):
    """Names interpolation looks up in the environment (not defined earlier in the file)."""
    defined = set()
    names = set()
    for binding in parse_stream(io.StringIO(text)):
        if binding.key is None:
            continue
        if binding.value is not None:
            for atom in parse_variables(binding.value):
                if isinstance(atom, Variable) and atom.name not in defined:
                    names.add(atom.name)
        defined.add(binding.key)
    return sorted(names)


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.args[0])


@contextlib.contextmanager
def _capturing_warnings():
    handler = _Warnings()
    logger = logging.getLogger("dotenv.main")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def expected(text, environment, interpolate):
    text = strip_bom(text)
    os.environ.clear()
    os.environ.update(environment)
    with _capturing_warnings() as handler:
        values = dotenv_values(stream=io.StringIO(text), interpolate=interpolate)
    return {
        "values": list(values.items()),
        "warningLines": handler.lines,
        "locations": binding_locations(text),
        "referenced": referenced_names(text) if interpolate else [],
    }


def all_cases():
    for name, text in PARSER_CASES:
        yield name, text, {}, True
    for name, environment, text, interpolate in INTERPOLATION_CASES:
        yield name, text, environment, interpolate


def swift_string(value):
    out = ['"']
    for char in value:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif 0x20 <= code < 0x7F:
            out.append(char)
        else:
            out.append("\\u{%X}" % code)
    out.append('"')
    return "".join(out)


def swift_optional(value):
    return "nil" if value is None else swift_string(value)


def swift_int(value):
    return "nil" if value is None else str(value)


def generate():
    names = [case[0] for case in all_cases()]
    assert len(names) == len(set(names)), "case names must be unique"
    print("// Generated by scripts/dotenv-differential.py from python-dotenv %s — do not edit by hand." % _version())
    print("// Expected values are dotenv_values(stream=StringIO(text), interpolate=…) with os.environ = environment.")
    print()
    print("extension DotEnvDifferentialCase {")
    print("    static let all: [DotEnvDifferentialCase] = [")
    for name, text, environment, interpolate in all_cases():
        result = expected(text, environment, interpolate)
        env = ", ".join(f"{swift_string(k)}: {swift_string(v)}" for k, v in sorted(environment.items())) or ":"
        values = ", ".join(
            f"DotEnvExpectedValue({swift_string(k)}, {swift_optional(v)})" for k, v in result["values"]
        )
        locations = ", ".join(
            f"DotEnvExpectedLocations({kl}, {kc}, {swift_int(vl)}, {swift_int(vc)})"
            for kl, kc, vl, vc in result["locations"]
        )
        print("        DotEnvDifferentialCase(")
        print(f"            name: {swift_string(name)},")
        print(f"            text: {swift_string(text)},")
        print(f"            interpolate: {'true' if interpolate else 'false'},")
        print(f"            environment: [{env}],")
        print(f"            values: [{values}],")
        print(f"            warningLines: [{', '.join(str(line) for line in result['warningLines'])}],")
        print(f"            locations: [{locations}],")
        print(f"            referenced: [{', '.join(swift_string(n) for n in result['referenced'])}]")
        print("        ),")
    print("    ]")
    print("}")


def _version():
    from importlib.metadata import version

    return version("python-dotenv")


def compare(binary):
    """Runs `BINARY dotenv parse FILE --json --reveal-secrets` on every case written to a real file."""
    failures = 0
    with tempfile.TemporaryDirectory() as directory:
        for index, (name, text, environment, interpolate) in enumerate(all_cases()):
            path = os.path.join(directory, f"case{index}.env")
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.environ.clear()
            os.environ.update(environment)
            source = path
            if text.startswith("\ufeff"):
                source = os.path.join(directory, f"case{index}.nobom.env")
                with open(source, "w", encoding="utf-8", newline="") as handle:
                    handle.write(strip_bom(text))
            with _capturing_warnings() as handler:
                python = dotenv_values(source, interpolate=interpolate)
            want = json.dumps(python) + "\n"
            command = [binary, "dotenv", "parse", path, "--json", "--reveal-secrets"]
            if not interpolate:
                command.append("--no-interpolate")
            run = subprocess.run(command, env=environment, capture_output=True)
            got = run.stdout.decode("utf-8", "replace")
            got_lines = [int(n) for n in re.findall(r"starting at line (\d+)", run.stderr.decode("utf-8", "replace"))]
            if run.returncode != 0 or got != want or got_lines != handler.lines:
                failures += 1
                print(f"DIFF {name!r}: rc={run.returncode}\n  python: {want!r} warnings at {handler.lines}")
                print(f"  swift:  {got!r} warnings at {got_lines}")
    print(f"{failures} of {len(list(all_cases()))} cases differ")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "generate":
        generate()
    elif len(sys.argv) >= 3 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2]))
    else:
        print(__doc__)
        sys.exit(2)
