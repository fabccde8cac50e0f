"""The Python side's check of the hook worker's messages against messages.schema.json.

    python3 check_messages.py SCHEMA < LINES

Each input line is `DEFINITION<TAB>JSON` (a definition of the schema, e.g.
`request`, and one message); each output line is `ok` or `bad: REASON` for
the line at that place. The validator knows the JSON Schema (draft-07)
keywords the schema file uses, standard library only, for every CPython the
worker runs on (3.6 on); a keyword it does not know is an error, never
passed over, so that the schema cannot outgrow this check unnoticed.
Used by test/build/messages.test.ts.
"""
import json
import re
import sys

ANNOTATIONS = {"$schema", "$id", "title", "description", "definitions"}
KNOWN = ANNOTATIONS | {
    "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items",
    "minItems", "uniqueItems", "minimum", "maximum", "exclusiveMinimum", "minLength", "pattern",
    "allOf", "anyOf", "oneOf", "not",
}


class Bad(Exception):
    """The message does not match."""


class SchemaError(Exception):
    """The schema uses what this check does not know (exit status 2)."""


def _is_type(value, name):
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool) or isinstance(value, float) and value.is_integer()
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "string":
        return isinstance(value, str)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    raise SchemaError("unknown type %r in the schema" % name)


def _same(a, b):
    """JSON equality (true is not 1)."""
    return type(a) is type(b) and a == b or _is_type(a, "number") and _is_type(b, "number") and a == b


class Checker:
    def __init__(self, schema):
        self.root = schema

    def resolve(self, ref):
        if not ref.startswith("#/"):
            raise SchemaError("only local $ref are known: %r" % ref)
        node = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def check(self, s, v, at="$"):
        if s is True:
            return
        if s is False:
            raise Bad("%s: nothing is allowed here" % at)
        unknown = set(s) - KNOWN
        if unknown:
            raise SchemaError("schema keyword(s) this check does not know: %s" % ", ".join(sorted(unknown)))
        if "$ref" in s:
            self.check(self.resolve(s["$ref"]), v, at)
        if "type" in s:
            types = s["type"] if isinstance(s["type"], list) else [s["type"]]
            if not any(_is_type(v, t) for t in types):
                raise Bad("%s: %s is not of type %s" % (at, json.dumps(v)[:80], "/".join(types)))
        if "enum" in s and not any(_same(v, e) for e in s["enum"]):
            raise Bad("%s: %s is not one of %s" % (at, json.dumps(v)[:80], s["enum"]))
        if "const" in s and not _same(v, s["const"]):
            raise Bad("%s: %s is not %s" % (at, json.dumps(v)[:80], json.dumps(s["const"])))
        if _is_type(v, "number"):
            if "minimum" in s and v < s["minimum"]:
                raise Bad("%s: %s < %s" % (at, v, s["minimum"]))
            if "maximum" in s and v > s["maximum"]:
                raise Bad("%s: %s > %s" % (at, v, s["maximum"]))
            if "exclusiveMinimum" in s and v <= s["exclusiveMinimum"]:
                raise Bad("%s: %s <= %s" % (at, v, s["exclusiveMinimum"]))
        if isinstance(v, str):
            if "minLength" in s and len(v) < s["minLength"]:
                raise Bad("%s: shorter than %s" % (at, s["minLength"]))
            if "pattern" in s and re.search(s["pattern"], v) is None:
                raise Bad("%s: %r does not match %s" % (at, v, s["pattern"]))
        if isinstance(v, list):
            if "minItems" in s and len(v) < s["minItems"]:
                raise Bad("%s: fewer than %s items" % (at, s["minItems"]))
            if s.get("uniqueItems") and len({json.dumps(x, sort_keys=True) for x in v}) != len(v):
                raise Bad("%s: items not unique" % at)
            if "items" in s:
                for i, x in enumerate(v):
                    self.check(s["items"], x, "%s[%d]" % (at, i))
        if isinstance(v, dict):
            for key in s.get("required", []):
                if key not in v:
                    raise Bad("%s: %s is required" % (at, key))
            props = s.get("properties", {})
            for key, x in v.items():
                if key in props:
                    self.check(props[key], x, "%s.%s" % (at, key))
                elif s.get("additionalProperties") is False:
                    raise Bad("%s: %s is not allowed" % (at, key))
                elif isinstance(s.get("additionalProperties"), dict):
                    self.check(s["additionalProperties"], x, "%s.%s" % (at, key))
        for sub in s.get("allOf", []):
            self.check(sub, v, at)
        if "anyOf" in s and not any(self.passes(sub, v) for sub in s["anyOf"]):
            raise Bad("%s: matches none of anyOf" % at)
        if "oneOf" in s:
            n = sum(1 for sub in s["oneOf"] if self.passes(sub, v))
            if n != 1:
                raise Bad("%s: matches %d of oneOf, not one" % (at, n))
        if "not" in s and self.passes(s["not"], v):
            raise Bad("%s: matches what `not` excludes" % at)

    def passes(self, s, v):
        try:
            self.check(s, v)
            return True
        except Bad:
            return False


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        checker = Checker(json.load(f))
    for line in sys.stdin:
        if not line.strip():
            continue
        name, _, text = line.rstrip("\n").partition("\t")
        try:
            definition = checker.root["definitions"].get(name)
            if definition is None:
                raise Bad("no definition %r in the schema" % name)
            checker.check(definition, json.loads(text))
            print("ok")
        except Bad as e:
            print("bad: %s" % e)
        except SchemaError as e:
            sys.stderr.write("check_messages.py: %s\n" % e)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
