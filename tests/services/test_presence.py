"""Who else has the draft open (the presence table), on either engine."""

from __future__ import annotations

import datetime as dt

from mop_desktop.services import presence
from mop_desktop.store.db import open_store
from mop_desktop.store.models import PresenceRow


def test_each_editor_sees_the_others_and_stale_lines_go(store_url):
    clerk_pc, deputy_pc = open_store(store_url), open_store(store_url)
    try:
        clerk, deputy = presence.new_id(), presence.new_id()
        what = presence.draft_key(7)
        assert presence.heartbeat(clerk_pc, clerk, what, who="Clerk") == []
        seen = presence.heartbeat(deputy_pc, deputy, what, who="Deputy Clerk")
        assert [p.who for p in seen] == ["Clerk"]
        assert presence.describe(seen).startswith("Also open by Clerk")
        assert [p.who for p in presence.heartbeat(clerk_pc, clerk, what)] == ["Deputy Clerk"]
        # another draft is another thing
        assert presence.heartbeat(clerk_pc, clerk, presence.draft_key(8)) == []
        presence.heartbeat(clerk_pc, clerk, what)
        # the deputy's PC is switched off: after STALE_S its line no longer counts
        with deputy_pc.session() as s:
            s.get(PresenceRow, deputy).seen_at -= dt.timedelta(seconds=presence.STALE_S + 5)
        assert presence.heartbeat(clerk_pc, clerk, what) == []
        with clerk_pc.session() as s:
            assert s.get(PresenceRow, deputy) is None
        presence.leave(clerk_pc, clerk)
        assert presence.heartbeat(deputy_pc, deputy, what) == []
    finally:
        clerk_pc.close()
        deputy_pc.close()


def test_describe_lists_names_once():
    now = dt.datetime(2026, 3, 23, 10, 0)
    people = [
        presence.Present("A", "PC1", now),
        presence.Present("B", "", now),
        presence.Present("A", "PC1", now),
    ]
    assert presence.describe(people) == "Also open by A (PC1) and B"
    assert presence.describe([]) == ""
