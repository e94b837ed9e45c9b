"""``mop-desktop show`` without --json: the same document as text a clerk can read."""

import json

from tests.conftest import SAMPLES


def test_text_form_carries_the_json_forms_content(cli):
    code, _, err = cli("import", str(SAMPLES / "borough-model-protocol.txt"))
    assert code == 0, err
    _, raw, _ = cli("show", "--json")
    data = json.loads(raw)
    code, text, err = cli("show")
    assert code == 0, err
    lines = text.splitlines()
    assert lines[:2] == [
        "Member/Officer Relations Protocol",
        "Version 2026, adopted 23 March 2026; review by 31 March 2027",
    ]
    row = ["2026", "23 March 2026", "minute 2026-101", "review by 31 March 2027", "G White"]
    assert "  " + " \u00b7 ".join(row) in lines
    assert "1 Introduction" in lines
    assert any(line.startswith("  1.1  The relationship between") for line in lines)
    bullets = [line.strip() for line in lines if line.strip().startswith("\u2022 ")]
    items = sum(len(b["items"]) for s in data["sections"] for b in s["blocks"])
    assert len(bullets) == items
    flat = " ".join(text.split())
    for section in data["sections"]:
        for block in section["blocks"]:
            assert " ".join(block["text"].split()) in flat


def test_text_form_of_an_unnumbered_draft_with_nested_lettered_list(cli, store):
    from mop_desktop.domain.document import Block, DocumentText, ListItem, Section
    from mop_desktop.services.workspace import start_from_text

    start_from_text(
        store,
        DocumentText(
            "Protocol",
            [
                Section(
                    "When <b>things</b> go wrong",
                    [
                        Block(
                            "Routes:",
                            numbered=False,
                            list_style="lower-alpha",
                            items=[
                                ListItem("informal", [ListItem("mediation")], "lower-roman"),
                                ListItem("grievance"),
                            ],
                        ),
                    ],
                    numbered=False,
                )
            ],
        ),
    )
    code, text, err = cli("show")
    assert code == 0, err
    lines = text.splitlines()
    assert lines[1] == "Draft"
    assert "When <b>things</b> go wrong" in lines
    assert lines[-4:] == ["  Routes:", "  a) informal", "     i) mediation", "  b) grievance"]
