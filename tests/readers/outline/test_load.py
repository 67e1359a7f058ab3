"""Composing YAML: positions, safety, and the mistakes people make when typing outlines."""

from __future__ import annotations

import pytest

from cddraft.errors import CddraftError, SourcePos
from cddraft.readers.outline.load import load_outline, parse_outline_text


def diags(text: str) -> list[str]:
    with pytest.raises(CddraftError) as info:
        parse_outline_text(text, "f.yaml")
    return [d.format() for d in info.value.diagnostics]


def test_positions_of_keys_and_values():
    o = parse_outline_text("a: 1\nb:\n  - x\n  - y: 2\n", "f.yaml")
    assert o.data == {"a": "1", "b": ["x", {"y": "2"}]}
    assert o.sources.keys[("b",)] == SourcePos(2, 1)
    assert o.sources.values[("b", 1, "y")] == SourcePos(4, 8)
    assert o.sources.locate(("b", 1, "missing")) == SourcePos(4, 5)


def test_scalars_stay_text_so_the_model_parses_them():
    o = parse_outline_text("d: 2017-02-30\nn: no\nv: 1.0\ne:\n", "f.yaml")
    assert o.data == {"d": "2017-02-30", "n": "no", "v": "1.0", "e": None}


def test_duplicate_key_is_reported_with_both_lines():
    (msg,) = diags("a: 1\nb: 2\na: 3\n")
    assert msg == "f.yaml:3:1: duplicate key 'a' (first given at line 1); keep one of them"


@pytest.mark.parametrize("text", ["a: !!python/object:os.system {}\n", "a: !!python/name:os.system\n",
                                  "a: !custom x\n"])
def test_object_building_tags_are_refused(text):
    (msg,) = diags(text)
    assert msg.startswith("f.yaml:1:4: YAML tag") and "not allowed" in msg


def test_tabs_get_a_hint():
    (msg,) = diags("a:\n\t- x\n")
    assert "YAML syntax error" in msg and "spaces, not tabs" in msg and msg.startswith("f.yaml:2:")


def test_alias_bomb_is_stopped():
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    (msg,) = diags("\n".join(lines) + "\n")
    assert "alias bomb" in msg


def test_deep_nesting_is_stopped():
    (msg,) = diags("a: " + "[" * 60 + "]" * 60 + "\n")
    assert "nested more than" in msg


def test_a_list_is_not_an_outline():
    (msg,) = diags("- a\n- b\n")
    assert msg.startswith("f.yaml:1:1: the outline must be a mapping")


def test_empty_file(tmp_path):
    p = tmp_path / "e.yaml"
    p.write_text("# only a comment\n")
    with pytest.raises(CddraftError, match="empty"):
        load_outline(p)


def test_bom_is_accepted_and_bad_bytes_are_located(tmp_path):
    p = tmp_path / "b.yaml"
    p.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_outline(p).data == {"a": "1"}
    p.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(CddraftError) as info:
        load_outline(p)
    assert info.value.diagnostics[0].format() == f"{p}:2:7: byte 0xe9 is not UTF-8; save the file as UTF-8"


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(CddraftError, match="directory"):
        load_outline(tmp_path)
    with pytest.raises(CddraftError, match="no such file"):
        load_outline(tmp_path / "nope.yaml")


@pytest.mark.parametrize("text", [
    "a:\n  b:\n    c:\n      - - - x\n",
    "a:\r b:\r  c:\r   d: [[{e: [1]}]]\r",          # YAML breaks lines at a lone CR too
    "- - - - - - - - - - - - - - - x\n",
    "a:\n- b:\n  - c:\n    - d:\n      - e\n",       # a block sequence at its key's indentation
    "? - - a\n: b\n",
    "x: '[[[[' \ny: [[1]]\nz: ']]'\n",                  # brackets in text only raise the bound
])
def test_the_depth_bound_is_never_below_the_real_depth(text):
    import yaml

    from cddraft.readers.outline.limits import depth_bound

    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    assert deepest >= 3 and depth_bound(text) >= deepest


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_line_separator_is_a_space_not_a_line_break(separator):
    """YAML ends a line at U+2028/U+2029, editors show none there: a comment holding one stays a comment, a
    value keeps its text (with a space), and the lines below are counted as the editor counts them."""
    o = parse_outline_text(f"a: 1  # see{separator}below: x\nb: one{separator}two\nc: 3\n", "f.yaml")
    assert o.data == {"a": "1", "b": "one two", "c": "3"}
    assert o.sources.values[("c",)] == SourcePos(3, 4)
    assert diags(f"a: 1{separator}\nb: [\n")[0].startswith("f.yaml:3:1:"), "an error is on the editor's line"


def test_a_carriage_return_alone_ends_a_line_for_positions_inside_values():
    o = parse_outline_text("a: 1\rb: one two three\r", "f.yaml")
    assert o.position(("b",), offset=8, text="one two three") == SourcePos(2, 12)
