"""A labeled machine: the files it holds and, for each, the risks, decoys and secrets planted.

A structured document (JSON, JSONC, TOML, YAML) labels places by their path in the parsed value
(written as a JSON pointer); a Markdown document labels line ranges (and, for front matter, the
pointer too). A label on a path covers the whole subtree below it: a server entry's label matches a
finding on any of its fields.
"""

import os
import stat

from . import emit

SEVERITIES = ["info", "low", "medium", "high", "critical"]


def sev_rank(s):
    return SEVERITIES.index(s)


class Doc:
    def __init__(self, machine, path, scope, mode):
        self.machine = machine
        self.path = path
        self.scope = scope  # user, project, local, managed, system, plugin
        self.mode = mode
        self.secret_bearing = False
        self.labels = []  # (kind, where, fields)
        self.fs_label = True  # FS-001 risk or decoy from mode and secrets

    # -- labels ------------------------------------------------------------------------------
    def risk(self, where, rules, min_severity, category, note, also_ok=()):
        self.labels.append(("risk", where, {
            "rules": sorted(set(rules)), "min_severity": min_severity, "category": category,
            "note": note, "also_ok": sorted(set(also_ok))}))

    def decoy(self, where, category, note, max_severity="info", except_rules=(), rules=None):
        fields = {"category": category, "note": note, "max_severity": max_severity,
                  "except_rules": sorted(set(except_rules))}
        if rules:
            fields["rules"] = sorted(set(rules))
        self.labels.append(("decoy", where, fields))

    def secret(self, value, fragments=()):
        """A literal secret written into this file (it must never be stored in plaintext)."""
        self.secret_bearing = True
        self.machine.secrets.add(value)
        for f in fragments:
            self.machine.secrets.add(f)

    # -- writing -----------------------------------------------------------------------------
    def text(self):
        raise NotImplementedError

    def where_fields(self, where):
        raise NotImplementedError

    def write(self):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        with open(self.path, "w", encoding="utf-8", newline="\n") as f:
            f.write(self.text())
        os.chmod(self.path, self.mode)


class StructDoc(Doc):
    """fmt: json, jsonc, toml, yaml."""

    def __init__(self, machine, path, scope, mode, fmt, data=None, style=None):
        super().__init__(machine, path, scope, mode)
        self.fmt = fmt
        self.data = data if data is not None else {}
        self.comments = {}
        self.style = style or {}
        self.raw_text = None  # set for files written verbatim (broken files)

    def node(self, path, create=True):
        cur = self.data
        for p in path:
            if isinstance(cur, list):
                cur = cur[p]
                continue
            if p not in cur:
                if not create:
                    return None
                cur[p] = {}
            cur = cur[p]
        return cur

    def put(self, path, value):
        parent = self.node(path[:-1])
        parent[path[-1]] = value
        return path

    def append(self, path, value):
        parent = self.node(path[:-1])
        lst = parent.setdefault(path[-1], [])
        lst.append(value)
        return path + (len(lst) - 1,)

    def comment(self, path, text):
        self.comments.setdefault(tuple(path), []).append(text)

    def text(self):
        if self.raw_text is not None:
            return self.raw_text
        header = self.style.get("header")
        self.spans = {}
        inline = self.style.get("inline_lists", True)
        if self.fmt == "json":
            return emit.dump_json(self.data, indent=self.style.get("indent", 2), spans=self.spans,
                                  inline_lists=inline)
        if self.fmt == "jsonc":
            return emit.dump_json(self.data, indent=self.style.get("indent", 2),
                                  comments=self.comments,
                                  trailing_commas=self.style.get("trailing_commas", False),
                                  header=header, spans=self.spans, inline_lists=inline)
        if self.fmt == "toml":
            return emit.dump_toml(self.data, comments=self.comments, header=header, spans=self.spans)
        if self.fmt == "yaml":
            return emit.dump_yaml(self.data, comments=self.comments, header=header,
                                  quote=self.style.get("quote", "auto"), spans=self.spans)
        raise ValueError(self.fmt)

    def where_fields(self, where):
        """A pointer, and the lines its value spans (used for findings that carry a line only)."""
        if isinstance(where, dict):  # explicit line range (broken files)
            return dict(where)
        f = {"pointer": emit.json_pointer(where)}
        span = getattr(self, "spans", {}).get(tuple(where)) if where else None
        if span:
            f["line"], f["end_line"] = span
        return f


class MdDoc(Doc):
    """Markdown with optional YAML front matter, built line by line."""

    def __init__(self, machine, path, scope, mode):
        super().__init__(machine, path, scope, mode)
        self.lines = []

    def add(self, text=""):
        """Appends text (may hold several lines); returns (first_line, last_line), 1-based."""
        parts = text.split("\n")
        first = len(self.lines) + 1
        self.lines.extend(parts)
        return (first, len(self.lines))

    def add_risk(self, text, rules, min_severity, category, note, also_ok=(), pointer=None):
        rng = self.add(text)
        self.risk((rng, pointer), rules, min_severity, category, note, also_ok)
        return rng

    def add_decoy(self, text, category, note, max_severity="info", except_rules=(), pointer=None):
        rng = self.add(text)
        self.decoy((rng, pointer), category, note, max_severity, except_rules)
        return rng

    def text(self):
        return "\n".join(self.lines) + "\n"

    def where_fields(self, where):
        if where == ():
            return {"pointer": ""}
        (first, last), pointer = where
        f = {"line": first, "end_line": last}
        if pointer is not None:
            f["pointer"] = emit.json_pointer(pointer)
        return f


class Machine:
    """One scanned machine: a home, a system root and the project trees under home/src."""

    def __init__(self, name, base, label_base, fs_flip=False):
        self.name = name
        self.base = base
        self.home = os.path.join(base, "home")
        self.system = os.path.join(base, "system")
        self.src = os.path.join(self.home, "src")
        self.docs = {}
        self.secrets = set()
        self.fs_flip = fs_flip
        self.label_base = label_base
        self.projects = []

    def h(self, rel):
        return os.path.join(self.home, rel)

    def s(self, rel):
        return os.path.join(self.system, rel)

    def add(self, doc):
        assert doc.path not in self.docs, doc.path
        self.docs[doc.path] = doc
        return doc

    def struct(self, path, scope, fmt, mode=0o644, data=None, style=None):
        if path in self.docs:
            return self.docs[path]
        return self.add(StructDoc(self, path, scope, mode, fmt, data, style))

    def md(self, path, scope, mode=0o644):
        if path in self.docs:
            return self.docs[path]
        return self.add(MdDoc(self, path, scope, mode))

    def write(self):
        os.makedirs(self.src, exist_ok=True)
        os.makedirs(self.system, exist_ok=True)
        for doc in self.docs.values():
            doc.write()

    def labels(self):
        risks, decoys = [], []
        for doc in self.docs.values():
            labels = list(doc.labels)
            if doc.fs_label:
                readable = bool(doc.mode & (stat.S_IRGRP | stat.S_IROTH))
                modestr = "%04o" % doc.mode
                if doc.secret_bearing and readable:
                    labels.append(("risk", (), {
                        "rules": ["FS-001"],
                        "min_severity": "medium" if doc.scope in ("project", "plugin") else "high",
                        "category": "07-fs-permissions",
                        "note": "secret-bearing %s file, mode %s" % (doc.scope, modestr),
                        "also_ok": []}))
                elif readable or doc.secret_bearing:
                    labels.append(("decoy", (), {
                        "category": "07-fs-permissions",
                        "note": ("secret-bearing file at mode %s (private)" % modestr)
                        if doc.secret_bearing else ("no secret in this file (mode %s)" % modestr),
                        "max_severity": "info", "except_rules": [], "rules": ["FS-001"]}))
            for kind, where, fields in labels:
                entry = {"machine": self.name, "file": doc.path}
                entry.update(doc.where_fields(where))
                entry.update(fields)
                (risks if kind == "risk" else decoys).append(entry)
        return risks, decoys
