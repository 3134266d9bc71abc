"""Writers for the formats the clients read: JSON, JSONC, TOML, YAML.

Documents are plain Python values (dict keeps insertion order). Two wrappers control how a value
is written without changing what it means:

- Raw(text, value): the literal text goes into the file verbatim (an escaped token such as
  "ghp\\u005f...", a TOML multi-line string with a line continuation); `value` is what a parser
  reads back, used for labels.
- Inline(dict): a TOML inline table (`env = { A = "1" }`) or a YAML flow mapping.

JSONC output may carry comments (keyed by the path of the member they precede) and trailing commas.
"""

import json
import re


class Raw:
    def __init__(self, text, value):
        self.text = text
        self.value = value


class Inline(dict):
    pass


class FlowList(list):
    """A YAML flow sequence ([a, b]) instead of a block one."""


def plain_value(v):
    """The value a parser reads, with the wrappers removed."""
    if isinstance(v, Raw):
        return v.value
    if isinstance(v, dict):
        return {k: plain_value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain_value(x) for x in v]
    return v


# ---------------------------------------------------------------- JSON / JSONC

def dump_json(doc, indent=2, comments=None, trailing_commas=False, header=None, spans=None,
              inline_lists=True):
    """JSON text; with comments/trailing_commas/header it is JSONC. spans (a dict) receives, for
    every path, the (first, last) lines its value occupies."""
    comments = comments or {}
    spans = {} if spans is None else spans
    pad = " " * indent if isinstance(indent, int) else indent
    lines = ["// " + h for h in (header or [])]

    def scalar(v):
        if isinstance(v, Raw):
            return v.text
        return json.dumps(v, ensure_ascii=False)

    def inline(v):
        return inline_lists and isinstance(v, list) and v and len(v) <= 3 \
            and all(not isinstance(x, (dict, list)) and not (isinstance(x, Raw) and "\n" in x.text) for x in v) \
            and sum(len(scalar(x)) for x in v) < 50

    def put(prefix, v, path, level, suffix):
        """Writes v starting on a new line that begins with prefix; the last line ends with suffix."""
        first = len(lines) + 1
        ind = pad * level
        if isinstance(v, dict) and v:
            lines.append(prefix + "{")
            items = list(v.items())
            for i, (k, x) in enumerate(items):
                for c in comments.get(path + (k,), []):
                    lines.append(ind + pad + "// " + c)
                comma = "," if (i < len(items) - 1 or trailing_commas) else ""
                put(ind + pad + json.dumps(k, ensure_ascii=False) + ": ", x, path + (k,), level + 1, comma)
            lines.append(ind + "}" + suffix)
        elif isinstance(v, list) and v and not inline(v):
            lines.append(prefix + "[")
            for i, x in enumerate(v):
                comma = "," if (i < len(v) - 1 or trailing_commas) else ""
                put(ind + pad, x, path + (i,), level + 1, comma)
            lines.append(ind + "]" + suffix)
        elif isinstance(v, dict):
            lines.append(prefix + "{}" + suffix)
        elif isinstance(v, list):
            lines.append(prefix + "[" + ", ".join(scalar(x) for x in v) + "]" + suffix)
        else:
            text = scalar(v)
            parts = text.split("\n")
            lines.append(prefix + parts[0] + ("" if len(parts) > 1 else suffix))
            for j, p in enumerate(parts[1:]):
                lines.append(p + (suffix if j == len(parts) - 2 else ""))
        spans[path] = (first, len(lines))

    put("", doc, (), 0, "")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- TOML

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_key(k):
    return k if _BARE.match(k) else json.dumps(k, ensure_ascii=False)


def toml_scalar(v):
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(toml_scalar(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(toml_key(k) + " = " + toml_scalar(x) for k, x in v.items()) + " }"
    raise TypeError(v)


def dump_toml(doc, comments=None, header=None, spans=None):
    """TOML: scalars and Inline tables in place, other dicts as [tables]."""
    comments = comments or {}
    spans = {} if spans is None else spans
    out = list("# " + h for h in (header or []))

    def is_table(v):
        return isinstance(v, dict) and not isinstance(v, Inline)

    def emit_table(tbl, path):
        scalars = [(k, v) for k, v in tbl.items() if not is_table(v)]
        tables = [(k, v) for k, v in tbl.items() if is_table(v)]
        first = len(out) + 1
        if path and (scalars or not tables):
            if out:
                out.append("")
            for c in comments.get(path, []):
                out.append("# " + c)
            out.append("[" + ".".join(toml_key(p) for p in path) + "]")
            first = len(out)
        for k, v in scalars:
            for c in comments.get(path + (k,), []):
                out.append("# " + c)
            start = len(out) + 1
            out.extend((toml_key(k) + " = " + toml_scalar(v)).split("\n"))
            spans[path + (k,)] = (start, len(out))
            if isinstance(v, dict):
                for kk in v:
                    spans[path + (k, kk)] = (start, len(out))
            elif isinstance(v, list):
                for i in range(len(v)):
                    spans[path + (k, i)] = (start, len(out))
        for k, v in tables:
            emit_table(v, path + (k,))
        spans[path] = (first, len(out))

    emit_table(doc, ())
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- YAML

_YAML_PLAIN = re.compile(r"^[A-Za-z_/.~$][A-Za-z0-9_ ./@:+=~$-]*$")
_YAML_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}


def yaml_scalar(v, quote="auto"):
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return str(v)
    s = str(v)
    if quote == "single" and "'" not in s and "\n" not in s:
        return "'" + s + "'"
    if quote != "double" and _YAML_PLAIN.match(s) and s.lower() not in _YAML_RESERVED \
            and ": " not in s and " #" not in s and not s.endswith(":") and not s.endswith(" "):
        return s
    return json.dumps(s, ensure_ascii=False)


def dump_yaml(doc, comments=None, header=None, quote="auto", spans=None):
    comments = comments or {}
    spans = {} if spans is None else spans
    out = list("# " + h for h in (header or []))
    pad = "  "  # list items' maps align two columns after "- "

    def is_scalar(v):
        return not isinstance(v, (dict, list)) or isinstance(v, FlowList) or (
            isinstance(v, (dict, list)) and not v)

    def flow(v):
        if isinstance(v, dict):
            if not v:
                return "{}"
            return "{ " + ", ".join(yaml_scalar(k) + ": " + yaml_scalar(x, quote) for k, x in v.items()) + " }"
        if isinstance(v, list):
            return "[" + ", ".join(yaml_scalar(x, quote) for x in v) + "]"
        return yaml_scalar(v, quote)

    def emit_map(m, path, level, first_prefix=None):
        for i, (k, v) in enumerate(m.items()):
            ind = pad * level
            for c in comments.get(path + (k,), []):
                out.append(ind + "# " + c)
            lead = ind
            if i == 0 and first_prefix is not None:
                lead = first_prefix
            key = yaml_scalar(k)
            start = len(out) + 1
            if isinstance(v, Inline) or is_scalar(v):
                out.append(lead + key + ": " + flow(v))
                if isinstance(v, (dict, list)):
                    for kk in (v if isinstance(v, dict) else range(len(v))):
                        spans[path + (k, kk)] = (start, start)
            elif isinstance(v, dict):
                out.append(lead + key + ":")
                emit_map(v, path + (k,), level + 1)
            else:
                out.append(lead + key + ":")
                emit_list(v, path + (k,), level + 1)
            spans[path + (k,)] = (start, len(out))

    def emit_list(lst, path, level):
        ind = pad * level
        for i, v in enumerate(lst):
            for c in comments.get(path + (i,), []):
                out.append(ind + "# " + c)
            start = len(out) + 1
            emit_item(v, path, i, ind, level)
            spans[path + (i,)] = (start, len(out))

    def emit_item(v, path, i, ind, level):
        if isinstance(v, dict) and v and not isinstance(v, Inline):
            emit_map(v, path + (i,), level + 1, first_prefix=ind + "- ")
        elif isinstance(v, list) and v and not isinstance(v, FlowList):
            out.append(ind + "-")
            emit_list(v, path + (i,), level + 1)
        else:
            out.append(ind + "- " + flow(v))

    if isinstance(doc, dict):
        emit_map(doc, (), 0)
    else:
        emit_list(doc, (), 0)
    return "\n".join(out) + "\n"


def json_pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)
