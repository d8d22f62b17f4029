"""The chores, requests and listen steps, walked through as a couple would."""

from __future__ import annotations

from textual.widgets import Input, Static

from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook import tomlio
from workbook.data.store import Store
from workbook.logic.chores import explain, from_answer, settled
from workbook.logic.phases import FIRST, HANDOVER, LIST, LOOKAWAY, SECOND, SPLIT
from workbook.packs.library import Library
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.steps.chores import ChoresSplit, ChoresWeigh, SplitList
from workbook.tui.steps.chores_table import ChoresList
from workbook.tui.steps.listen import ListenInput
from workbook.tui.steps.requests import RequestsInput
from workbook.tui.steps.scale import ScaleRow


def session_of(store: Store) -> dict[str, object]:
    (file,) = (store.root / "couples" / "sam-and-alex" / "sessions").glob("*.toml")
    return tomlio.loads(file.read_text())


async def test_chores_from_starter_list_to_confirmed_terms(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["chores"])
        await pilot.pause()
        screen = walk(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == LIST
        listing = screen.query_one(ChoresList)
        starter = [t.name for t in screen.walk.step(screen.place).tasks]
        assert [task.name for task in listing.tasks()] == starter
        await pilot.press("ctrl+n")
        await pilot.pause()
        # The weights are private: the screen passes to the first partner first.
        assert screen.place.phase == LOOKAWAY
        await pilot.press("enter")
        await pilot.pause()
        assert screen.place.phase == FIRST
        for index, row in enumerate(screen.query(ScaleRow)):
            row.value = 1 + index % 5
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == HANDOVER
        await pilot.press("enter")
        await pilot.pause()
        assert screen.place.phase == SECOND
        weigh = screen.query_one(ChoresWeigh)
        assert all(row.value is None for row in weigh.query(ScaleRow)), "private weights leaked"
        for index, row in enumerate(weigh.query(ScaleRow)):
            row.value = 5 - index % 5
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == SPLIT
        split = screen.query_one(ChoresSplit)
        await pilot.click("#suggest")
        await pilot.pause()
        explanation = str(split.query_one(".explain", Static).content)
        assert explanation.startswith("Sam: Now you carry")
        assert "Alex would carry" in explanation
        assert "Each of you carries less than half by your own measure" in explanation
        assert split.suggested is not None
        assert abs(split.suggested.share_a - split.suggested.share_b) < 1e-6
        # An override changes the explanation: it speaks of the split as it stands.
        first = screen.walk.step(screen.place).tasks[0].name
        other = "2" if split.owner[first] == "a" else "1"
        split.query_one(SplitList).focus()
        split.query_one(SplitList).highlighted = 0
        await pilot.press(other)
        await pilot.pause()
        overridden = str(split.query_one(".explain", Static).content)
        assert overridden != explanation
        chores, now, _ = from_answer(split.answer)
        texts = explain(chores, now, settled(chores, split.owner, split.part_a), screen.names)
        assert overridden == f"Sam: {texts['a']}\n\nAlex: {texts['b']}"
        assert "This split is not even" in overridden
        while screen.walk.step(screen.place).kind != "agreement":
            await pilot.press("ctrl+n")
            await pilot.pause()
        agreement = screen.query_one(AgreementInput)
        # One term for each task, done by whoever takes it on.
        owner = split.owner
        by_task = [o for o in agreement.offers if o.source == "chores.share"]
        assert len(by_task) == len(owner)
        for offer in by_task:
            task = offer.text.split("“")[1].split("”")[0]
            assert offer.who == ("both" if owner[task] == "shared" else owner[task])
        chosen = [next(o for o in by_task if o.who == key) for key in ("a", "b")]
        for offer in chosen:
            agreement.add(offer.text, offer.source, offer.who)
            await pilot.pause()
            await pilot.press("1", "2")
            await pilot.pause()
        assert all(term.agreement for term in agreement.terms)
        screen.autosave.now()
    table = session_of(store)["answers"]["chores"]["share"]  # type: ignore[index]
    assert set(table["weights"]) == {"a", "b"}
    assert set(table["split"]["owner"]) == set(starter)
    agreements = tomlio.loads(store.layout.agreements_file("sam-and-alex").read_text())[
        "agreements"
    ]
    assert {a["source"] for a in agreements} == {"chores.share"}
    assert len(agreements) == 2
    document = store.layout.agreement_document("sam-and-alex").read_text()
    assert f"**Sam will:** {chosen[0].text}" in document


async def test_a_request_decided_later_is_saved(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["requests"])
        await pilot.pause()
        screen = walk(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        requests = screen.query_one(RequestsInput)
        assert "Sam, what would you ask Alex for?" in screen_text(app)
        ask = requests.query_one("#ask", Input)
        ask.value = "Call me when you are running late"
        await pilot.press("enter")
        await pilot.pause()
        requests.query_one("#benefit", ScaleRow).value = 5
        requests.query_one("#cost", ScaleRow).value = 1
        await pilot.pause()
        assert "an easy yes" in str(requests.query_one("#advice", Static).content)
        decision = requests.query_one("#decision")
        decision.focus()
        decision.highlighted = 3  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        requests.query_one("#note", Input).value = "after the move"
        await pilot.pause()
        assert "Alex, what would you ask Sam for?" in str(
            requests.query_one("#ask-label", Static).content
        )
        screen.autosave.now()
    (saved,) = session_of(store)["answers"]["requests"]["asks"]["requests"]  # type: ignore[index]
    assert saved == {
        "by": "a",
        "text": "Call me when you are running late",
        "benefit": 5,
        "cost": 1,
        "decision": "later",
        "note": "after the move",
    }


async def test_a_listen_round_with_one_correction(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["listening"])
        await pilot.pause()
        screen = walk(app)
        while screen.walk.step(screen.place).kind != "listen":
            await pilot.press("ctrl+n")
            await pilot.pause()
        listen = screen.query_one(ListenInput)
        text = screen_text(app)
        assert "Sam has the floor · Alex listens" in text
        assert "left of 3 minutes" in text
        listen.spoken()
        await pilot.pause()
        listen.query_one("#paraphrase", Input).value = "You felt ignored"
        listen.said_back()
        await pilot.pause()
        listen.try_again()
        await pilot.pause()
        listen.query_one("#paraphrase", Input).value = "You felt left out at dinner"
        listen.said_back()
        await pilot.pause()
        listen.confirmed()
        await pilot.pause()
        assert "Alex has the floor · Sam listens" in screen_text(app)
        listen.time_out()
        await pilot.pause()
        assert "Time-out" in screen_text(app)
        listen.time_out()
        listen.spoken()
        listen.said_back()
        listen.confirmed()
        await pilot.pause()
        assert "You have both had the floor." in screen_text(app)
        screen.autosave.now()
    turns = session_of(store)["answers"]["listening"]["practice"]["turns"]  # type: ignore[index]
    assert turns[0] == {
        "round": 1,
        "speaker": "a",
        "confirmed": True,
        "timeouts": 0,
        "tries": 2,
        "paraphrases": ["You felt ignored", "You felt left out at dinner"],
    }
    assert turns[1]["speaker"] == "b"
    assert turns[1]["timeouts"] == 1


async def test_a_later_request_comes_back_at_the_next_session(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    earlier = store.new_session(couple.id, ["requests"])
    earlier.set_answer(
        "requests",
        "asks",
        {
            "requests": [
                {"by": "b", "text": "A weekend away", "benefit": 5, "cost": 4, "decision": "later"}
            ]
        },
    )
    earlier.finished = earlier.started
    store.save_session(couple.id, earlier)
    store.close()
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["check-in"])
        await pilot.pause()
        screen = walk(app)
        await screen.goto_step(0, [s.id for s in screen.walk.packs[0].steps].index("asks"))
        await pilot.pause()
        requests = screen.query_one(RequestsInput)
        assert [e.row["text"] for e in requests.earlier] == ["A weekend away"]
        earlier_list = requests.query_one("#earlier")
        earlier_list.focus()
        earlier_list.highlighted = 0  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert requests.earlier == []
        back = requests.rows[-1]
        assert (back.by, back.text, back.again_of) == ("b", "A weekend away", f"{earlier.id}:1")
        screen.autosave.now()
