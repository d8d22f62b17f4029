"""``workbook serve`` in a real browser: headless Chromium from the system, driven by Selenium
through the system's chromedriver (skipped, with the reason, where either is missing).

The screen is drawn on a canvas, so the test reads what the app sent: the websocket frames in
Chrome's performance log, with the escape codes taken out. The same log lists every address the
page asked for, which must all be the server's.

``WORKBOOK_README_SHOT=1`` writes the screenshot of the walk to docs/images/ for the README;
otherwise it goes to the test's temporary folder.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="workbook serve needs the serve extra")
webdriver = pytest.importorskip("selenium.webdriver", reason="the browser tests need selenium")

from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

from workbook import tomlio  # noqa: E402

ROOT = Path(__file__).parents[1]
SHOT = ROOT / "docs" / "images" / "served-walk.png"
BROWSER = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
DRIVER = shutil.which("chromedriver")
ESCAPES = re.compile(
    r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_].*?\x1b\\|.)"
)

pytestmark = pytest.mark.skipif(
    BROWSER is None or DRIVER is None,
    reason="no headless browser: install the chromium and chromium-driver packages "
    "(.ci/run does where it can)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# Waits are on what is drawn or saved; this limit only turns a hang into a failure that says what
# was missing (and a screenshot), far beyond what a busy machine takes.
HANG = 600.0


class Served:
    """A running ``workbook serve`` and the links it printed."""

    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "workbook",
                "--data-dir",
                str(data_dir),
                "serve",
                "--port",
                str(self.port),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "WORKBOOK_CURSOR_BLINK": "0"},
        )
        assert self.process.stdout is not None
        self.links: dict[str, str] = {}
        self.said: list[str] = []
        while len(self.links) < 2:
            line = self.process.stdout.readline()
            assert line, "workbook serve stopped before printing its links: " + repr(self.said)
            self.said.append(line)
            found = re.search(r"(http://\S+/(couple|console)\?token=\S+)", line)
            if found:
                self.links[found.group(2)] = found.group(1)
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Browser:
    """Headless Chromium with its network log, read as the app's screen text."""

    def __init__(self, downloads: Path) -> None:
        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
            options.add_argument(argument)
        options.add_argument("--window-size=1000,700")
        options.binary_location = BROWSER
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        service = webdriver.ChromeService(executable_path=DRIVER)
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(downloads)},
        )
        # What each link's app drew, in order: (link, text).
        self.frames: list[tuple[str, str]] = []
        self.downloads = downloads
        self._sockets: dict[str, str] = {}
        # The terminal's size in cells, as the page last told the server.
        self.size = (80, 24)
        self.requested: list[str] = []
        # Where each link's "since the last mark" starts, in ``frames``: one mark per link, so
        # that waiting on one window never skips what the other drew meanwhile.
        self.marks: dict[str, int] = {}

    def pump(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message["method"], message["params"]
            if method == "Network.webSocketFrameReceived":
                response = params["response"]
                data = response["payloadData"]
                raw = base64.b64decode(data) if response["opcode"] == 2 else data.encode()
                link = self._sockets.get(params["requestId"], "")
                self.frames.append((link, raw.decode("utf-8", "replace")))
            elif method == "Network.webSocketFrameSent":
                sent = json.loads(params["response"]["payloadData"])
                if sent[0] == "resize":
                    self.size = (sent[1]["width"], sent[1]["height"])
            elif method == "Network.requestWillBeSent":
                self.requested.append(params["request"]["url"])
            elif method == "Network.webSocketCreated":
                self.requested.append(params["url"])
                link = params["url"].split("/ws/", 1)[-1].split("?")[0]
                self._sockets[params["requestId"]] = link

    def since_mark(self, link: str) -> str:
        start = self.marks.get(link, 0)
        return ESCAPES.sub("", "".join(t for n, t in self.frames[start:] if n == link))

    def wait_for(self, *texts: str, link: str = "couple", timeout: float = HANG) -> str:
        """Wait until the link's app has drawn all ``texts`` since the last mark."""
        drawn = ""

        def all_drawn(_: Any) -> bool:
            nonlocal drawn
            self.pump()
            drawn = self.since_mark(link)
            return all(text in drawn for text in texts)

        try:
            WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(all_drawn)
        except TimeoutException:
            self.driver.save_screenshot(str(self.downloads.parent / "not-drawn.png"))
            raise AssertionError(f"not drawn: {texts!r}; last drawn: {drawn[-600:]!r}") from None
        self.marks[link] = len(self.frames)
        return drawn

    def until(self, check: Callable[[], Any], what: str, timeout: float = HANG) -> Any:
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda _: check())
        except TimeoutException:
            raise AssertionError(f"timed out waiting for {what}") from None

    def keys(self, *keys: str) -> None:
        """Type into the couple's terminal, as fast as the browser sends them: what the keys
        do never depends on how fast they arrive. What was drawn before them is left behind
        the mark."""
        self.pump()
        self.marks["couple"] = len(self.frames)
        box = self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for key in keys:
            if key.startswith("alt+"):
                ActionChains(self.driver).key_down(Keys.ALT).send_keys(key[4:]).key_up(
                    Keys.ALT
                ).perform()
            else:
                box.send_keys(key)

    def click_cell(self, column: int, row: int) -> None:
        """Click the character cell at ``column``, ``row`` (from 0; a negative row counts from
        the bottom)."""
        self.marks["couple"] = len(self.frames)
        self.pump()
        columns, rows = self.size
        screen = self.driver.find_element(By.CSS_SELECTOR, ".xterm-screen")
        width, height = screen.size["width"], screen.size["height"]
        x = (column + 0.5) * width / columns - width / 2
        y = (row % rows + 0.5) * height / rows - height / 2
        chain = ActionChains(self.driver).move_to_element_with_offset(screen, int(x), int(y))
        chain.click().perform()

    def quit(self) -> None:
        self.driver.quit()


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Browser, Path]]:
    folder = tmp_path_factory.mktemp("served")
    downloads = folder / "downloads"
    downloads.mkdir()
    served = Served(folder / "data")
    browser = Browser(downloads)
    try:
        yield served, browser, folder
    finally:
        browser.quit()
        served.stop()


def test_a_couple_walks_in_the_browser(session: tuple[Served, Browser, Path]) -> None:
    served, browser, folder = session
    driver = browser.driver
    driver.get(served.links["couple"])
    browser.wait_for("New couple", "Export")
    # The token has left the address bar.
    assert driver.current_url == served.base + "/couple"

    # A click on the footer's "New couple", then the names typed.
    browser.click_cell(3, -1)
    browser.wait_for("Who is taking part?")
    browser.keys("Sam", Keys.ENTER, "Alex", Keys.ENTER, Keys.ENTER)
    browser.wait_for("not therapy")
    browser.keys(Keys.ENTER)
    browser.wait_for("What would you like to do today?", "Sam and Alex")
    # "What we value", found in the library's order, and Start.
    from workbook.packs.library import load_library

    order = [loaded.pack.id for loaded in load_library(environ={}).ordered() if loaded.pack]
    browser.keys(*[Keys.DOWN] * order.index("values"), " ", Keys.CONTROL + "s")
    # Alt+N stands in for Ctrl+N, which the browser keeps; the footer says so.
    browser.wait_for("alt+n", "Next", "Why values matter")
    # The pack's first step is read together; its second is private, so the screen is passed
    # to the first partner.
    browser.keys("alt+n")
    browser.wait_for("look away", "Sam, press Enter")
    browser.keys(Keys.ENTER)
    browser.wait_for("Pick three to five")
    # Three values picked, privately, then over to the other partner.
    browser.keys(" ")
    browser.wait_for("[x] Love")
    browser.keys(Keys.DOWN, " ")
    browser.wait_for("[x] Support")
    browser.keys(Keys.DOWN, " ")
    browser.wait_for("[x] Intimacy")
    browser.keys("alt+n")
    browser.wait_for("look away")
    browser.keys(Keys.ENTER)
    browser.wait_for("Pick three to five")
    # The other partner starts from a clean list, and picks three others.
    browser.keys(" ")
    browser.wait_for("[x] Love")
    browser.keys(" ")
    browser.wait_for("[ ] Love")
    _screenshot(driver, folder)
    browser.keys(Keys.DOWN, Keys.DOWN, Keys.DOWN, " ")
    browser.wait_for("[x] Respect")
    for option in ("Time together", "Commitment"):
        browser.keys(Keys.DOWN, " ")
        browser.wait_for(f"[x] {option}")
    browser.keys("alt+n")
    # The reveal: both partners' picks, side by side.
    browser.wait_for("Love", "Respect")

    sessions = list((folder / "data" / "couples" / "sam-and-alex" / "sessions").glob("*.toml"))
    (session_file,) = sessions
    saved = tomlio.loads(session_file.read_text(encoding="utf-8"))
    picks = saved["answers"]["values"]["pick"]
    assert "Love" in str(picks["a"])
    assert "Respect" not in str(picks["a"])
    assert "Respect" in str(picks["b"])
    assert "Love" not in str(picks["b"])
    assert saved["position"]["phase"] == "reveal", saved["position"]

    # Export from home: the documents arrive as downloads. Esc pauses to the couple's window,
    # which offers Home (the only couple here, and no lock): Tab twice from Resume, and Enter.
    browser.keys(Keys.ESCAPE)
    browser.wait_for("Paused: everything is saved.")
    browser.keys(Keys.TAB, Keys.TAB, Keys.ENTER)
    browser.wait_for("New couple")
    browser.keys("e")
    browser.wait_for("downloads")
    downloads = folder / "downloads"

    def finished() -> list[Path]:
        files = list(downloads.iterdir())
        partial = any(f.suffix == ".crdownload" for f in files)
        return files if len(files) >= 2 and not partial else []

    done = browser.until(finished, "two downloads")
    names = {f.name: f.read_text(encoding="utf-8") for f in done}
    assert "agreement.md" in names
    summary = next(text for name, text in names.items() if name != "agreement.md")
    assert "Sam" in summary
    assert "Alex" in summary

    # Nothing was asked of any address but the server's.
    browser.pump()
    outside = [
        url
        for url in browser.requested
        if not url.startswith((served.base + "/", served.base.replace("http", "ws", 1) + "/"))
    ]
    assert browser.requested
    assert not outside, outside


def _screenshot(driver: Any, folder: Path) -> None:
    target = SHOT if os.environ.get("WORKBOOK_README_SHOT") == "1" else folder / SHOT.name
    target.parent.mkdir(parents=True, exist_ok=True)
    # The terminal paints what it has received at the page's next frame: wait for two.
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "requestAnimationFrame(() => requestAnimationFrame(() => done()));"
    )
    driver.save_screenshot(str(target))
    assert target.stat().st_size > 1000


def _console_missing() -> str | None:
    """Why the console link cannot open the console here, or None when it can."""
    shown = subprocess.run(
        [sys.executable, "-m", "workbook", "facilitate", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0:
        return "workbook facilitate (the counsellor's console) is not in this workbook"
    usage = shown.stdout.split("\n\n", 1)[0]
    if re.search(r"(^|\s)COUPLE(\s|$)", usage):
        return "workbook facilitate needs a COUPLE; the console link runs it without one"
    return None


def test_the_console_link_follows_the_couple(tmp_path: Path) -> None:
    missing = _console_missing()
    if missing:
        pytest.skip(missing)
    from workbook.data.store import Store
    from workbook.logic.session_packs import begin_packs
    from workbook.packs.library import load_library

    store = Store(tmp_path / "data")
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    couple.care_note_seen = True
    store.save_couple(couple)
    served = Served(tmp_path / "data")
    browser = Browser(tmp_path)
    try:
        driver = browser.driver
        # The counsellor is there first: the console waits for a session to begin.
        driver.get(served.links["console"])
        browser.wait_for("Waiting for a couple to begin a session", link="console")
        # A session as the couple's window starts it: its pack kept in the data folder.
        session = store.new_session(couple.id, ["values"])
        begin_packs(session, store, [load_library(environ={}).packs["values"]])
        store.save_session(couple.id, session)
        store.release_session(couple.id, session.id)
        browser.wait_for("Sam and Alex", link="console")
        console = driver.current_window_handle
        driver.switch_to.new_window("window")
        driver.get(served.links["couple"])
        browser.wait_for("Resume")
        browser.keys("r")
        browser.wait_for("Next")
        browser.keys("alt+n")
        browser.wait_for("look away")
        driver.switch_to.window(console)
        # The console follows the move to the next step.
        browser.wait_for("Your values", link="console")
    finally:
        browser.quit()
        served.stop()


def test_alt_keys_act_in_a_text_box_and_never_type_their_letter(tmp_path: Path) -> None:
    """A browser sends Alt+N as ESC n; a text box once typed the "n" and the couple stayed on
    the step. In a text answer, Alt+N goes on and Alt+B goes back, and in the console's note
    box Alt+N starts a new note: no letter is typed by any of them."""
    from workbook.data.models import Position
    from workbook.data.store import Store
    from workbook.logic.session_packs import begin_packs
    from workbook.packs.library import load_library

    store = Store(tmp_path / "data")
    store.prepare()
    couple = store.create_couple("Sam", "Alex", "Dr. Lee")
    couple.care_note_seen = True
    store.save_couple(couple)
    session = store.new_session(couple.id, ["compromise"])
    begin_packs(session, store, [load_library(environ={}).packs["compromise"]])
    session.position = Position(pack="compromise", step="issue", phase="only")
    store.save_session(couple.id, session)
    store.release_session(couple.id, session.id)
    sessions = tmp_path / "data" / "couples" / couple.id / "sessions"

    def answer() -> Any:
        saved = tomlio.loads((sessions / f"{session.id}.toml").read_text(encoding="utf-8"))
        return saved["answers"].get("compromise", {}).get("issue", {}).get("together")

    served = Served(tmp_path / "data")
    browser = Browser(tmp_path)
    try:
        driver = browser.driver
        driver.get(served.links["couple"])
        browser.wait_for("Resume")
        browser.keys("r")
        browser.wait_for("Choose one issue")
        browser.keys("Weekends", "alt+n")
        browser.wait_for("Your core")
        assert browser.until(answer, "the answer saved") == "Weekends"
        browser.keys("alt+b")
        browser.wait_for("Choose one issue")
        browser.keys(" away", "alt+b")
        browser.wait_for("Two circles")
        assert browser.until(lambda: answer() != "Weekends" and answer(), "the edit") == (
            "Weekends away"
        )

        driver.switch_to.new_window("window")
        driver.get(served.links["console"])
        browser.wait_for("Sam and Alex", link="console")
        notes = sessions / f"{session.id}.notes.toml"

        def first_note() -> Any:
            if not notes.exists():
                return None
            saved = tomlio.loads(notes.read_text(encoding="utf-8"))
            listed = saved.get("notes", [])
            return listed[0]["text"] if len(listed) >= 2 else None

        box = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        box.send_keys("Calm")
        ActionChains(driver).key_down(Keys.ALT).send_keys("n").key_up(Keys.ALT).perform()
        box.send_keys("x")
        assert browser.until(first_note, "a second note") == "Calm"
    finally:
        browser.quit()
        served.stop()
