"""Encrypted data folders: the round trip, nothing in the clear, the age tool, and the commands."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.crypt_helpers import PASSPHRASE, every_file, quick_wrap
from tests.quick_wrap import quick_wrap_bytes
from workbook.cli import main
from workbook.data import crypt_folder, crypt_keys, crypt_run, vault
from workbook.data.models import Agreements
from workbook.data.places import read_limited
from workbook.data.store import Store
from workbook.logic.agreements import add_agreement
from workbook.service import caseload

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
SECRETS = ["Sammy-Sosa-Secret", "Alexandria-Quill", "Dr. Leeward", "my-deepest-hurt-was-Tuesday"]
PACK = b'title = "Defining respect"\nprompt = "What-does-respect-look-like-to-you"\n'


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_wrap(monkeypatch)


def play(store: Store) -> None:
    """A couple and a session with every kind of file a session makes."""
    couple = store.create_couple(SECRETS[0], SECRETS[1], SECRETS[2], when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    digest = store.keep_pack(PACK)
    from workbook.data.models import PackUse

    session.packs["respect"] = PackUse(title="Defining respect", digest=digest)
    session.set_answer("respect", "meaning", {"a": SECRETS[3], "b": "Being asked"})
    store.save_session(couple.id, session, stamp=False)

    def change(agreements: Agreements) -> Agreements:
        add_agreement(
            agreements,
            text=f"{SECRETS[0]} asks first",
            made=WHEN.date(),
            session=session.id,
            source="respect.meaning",
            review_days=28,
            confirmed_by=["a", "b"],
        )
        return agreements

    store.update_agreements(couple.id, change, lambda _: f"# {SECRETS[0]} and {SECRETS[1]}\n")
    store.notes(couple.id, session.id).add_note("Noticed a pause", "respect", "meaning", WHEN)
    store.save_settings({"theme": "textual-light"})
    store.close()


def data_files(root: Path) -> dict[str, bytes]:
    """The data under ``root``; lock files hold nothing and are left out."""
    return {k: v for k, v in every_file(root).items() if not k.endswith(".lock")}


def assert_nothing_in_the_clear(root: Path, secrets: list[str]) -> None:
    kept = {vault.KEY_FILE, vault.RECOVERY_FILE, vault.CONVERT_LOCK, "couple.lock"}
    for name, raw in every_file(root).items():
        leaf = Path(name).name
        assert leaf in kept or leaf.endswith(".age") or re.fullmatch(r"\.lk-[0-9a-f]+\.lock", leaf)
        for secret in secrets:
            assert secret.encode() not in raw, (name, secret)
            assert secret.lower().encode() not in name.lower().encode(), (name, secret)
    for folder in (root / "couples").iterdir():
        assert vault.OPAQUE_ID.match(folder.name)


def test_round_trip_equals_the_plain_run(tmp_path: Path) -> None:
    plain, sealed = tmp_path / "plain", tmp_path / "sealed"
    play(Store(plain))
    codes: list[str] = []
    crypt_folder.encrypt(sealed, PASSPHRASE, codes.append)
    assert len(codes) == 1
    crypt_folder.open_folder(sealed, PASSPHRASE, codes.append)
    play(Store(sealed))
    assert_nothing_in_the_clear(sealed, [*SECRETS, "Sammy", "Defining respect"])
    # The pack's own words are sealed in the pack store too.
    assert not any(b"respect-look-like" in raw for raw in every_file(sealed).values())
    vault.forget(sealed)
    crypt_folder.decrypt(sealed, PASSPHRASE)
    assert data_files(sealed) == data_files(plain)
    assert crypt_folder.state(sealed) == crypt_folder.PLAIN


def test_a_plain_folder_is_encrypted_in_place_and_back(tmp_path: Path) -> None:
    root = tmp_path / "data"
    play(Store(root))
    before = data_files(root)
    crypt_folder.encrypt(root, PASSPHRASE, lambda code: None)
    assert_nothing_in_the_clear(root, SECRETS)
    # Without the key, nothing can be read or written; with it, everything opens as before.
    store = Store(root)
    with pytest.raises(vault.Locked):
        store.save_settings({"theme": "x"})
    crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    (couple_id,) = store.couple_ids()
    assert [p.name for p in store.load_couple(couple_id).partners] == SECRETS[:2]
    overview = store.overview(couple_id, WHEN.date())
    assert (overview.sessions, overview.agreements_active) == (1, 1)
    vault.forget(root)
    crypt_folder.decrypt(root, PASSPHRASE)
    assert data_files(root) == before


def test_a_wrong_passphrase_opens_nothing(tmp_path: Path) -> None:
    root = tmp_path / "data"
    crypt_folder.encrypt(root, PASSPHRASE, lambda code: None)
    with pytest.raises(vault.WrongSecret):
        crypt_folder.open_folder(root, "not the passphrase", lambda code: None)
    assert crypt_folder.needs_key(root)
    with pytest.raises(vault.WrongSecret):
        crypt_folder.decrypt(root, "not the passphrase")
    assert crypt_folder.state(root) == crypt_folder.ENCRYPTED


def test_recovery_and_a_new_passphrase_rewrite_no_data_file(tmp_path: Path) -> None:
    root = tmp_path / "data"
    play(Store(root))
    codes: list[str] = []
    crypt_folder.encrypt(root, PASSPHRASE, codes.append)
    files = {k: v for k, v in every_file(root).items() if k != vault.KEY_FILE}
    with pytest.raises(vault.WrongSecret):
        crypt_keys.recover(root, "AAAAA-" * 8, "a new passphrase")
    # The code is read back however it is typed: any case, spaces for dashes.
    crypt_keys.recover(root, codes[0].lower().replace("-", " "), "a new passphrase")
    with pytest.raises(vault.WrongSecret):
        crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    key = crypt_folder.open_folder(root, "a new passphrase", lambda code: None)
    crypt_keys.change_passphrase(root, key, "a third passphrase")
    vault.forget(root)
    crypt_folder.open_folder(root, "a third passphrase", lambda code: None)
    assert {k: v for k, v in every_file(root).items() if k != vault.KEY_FILE} == files


def test_an_interrupted_encrypt_shows_a_new_recovery_code(tmp_path: Path) -> None:
    root = tmp_path / "data"
    play(Store(root))
    # As if killed after the key was written and before the code was shown.
    crypt_run.write_journal(root, {"direction": "encrypt", "recovery_shown": False})
    key = vault.Key.generate()
    (root / vault.KEY_FILE).write_bytes(vault.wrap(key, PASSPHRASE))
    assert crypt_folder.state(root) == crypt_folder.ENCRYPTING
    codes: list[str] = []
    crypt_folder.open_folder(root, PASSPHRASE, codes.append)
    assert len(codes) == 1
    assert crypt_folder.state(root) == crypt_folder.ENCRYPTED
    assert_nothing_in_the_clear(root, SECRETS)
    vault.forget(root)
    crypt_keys.recover(root, codes[0], "after recovery")


@pytest.mark.skipif(
    shutil.which("age") is None, reason="the age tool is not installed (apt-get install age)"
)
def test_the_age_tool_opens_a_session_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real thing: age's scrypt, as the passphrase wraps the key and unwraps it again. The
    # recovery code's copy (the same function, another secret, a second of scrypt) stays quick.
    def wrap(secret: str, plain: bytes) -> bytes:
        real = secret == PASSPHRASE
        return vault._wrap(secret, plain) if real else quick_wrap_bytes(secret, plain)

    monkeypatch.setattr(vault, "WRAP", wrap)
    monkeypatch.setattr(vault, "UNWRAP", vault._unwrap)
    root = tmp_path / "data"
    crypt_folder.encrypt(root, PASSPHRASE, lambda code: None)
    key = crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    store = Store(root)
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    session.set_answer("respect", "meaning", {"a": SECRETS[3], "b": "Being asked"})
    store.save_session(couple.id, session, stamp=False)
    store.close()
    (sealed,) = (root / "couples" / couple.id / "sessions").glob("*.toml.age")
    identity = tmp_path / "identity.txt"  # outside the data folder, for this test only
    identity.write_text(key.identity + "\n")
    identity.chmod(0o600)
    result = subprocess.run(
        ["age", "--decrypt", "--identity", str(identity), str(sealed)],
        capture_output=True,
        check=True,
    )
    assert SECRETS[3].encode() in result.stdout
    # Inside the encryption: one line that names the file's place, then the file as it is.
    first, rest = result.stdout.split(b"\n", 1)
    place = f"couples/{couple.id}/sessions/{sealed.name.removesuffix('.age')}"
    assert first.startswith(b"#workbook-sealed ")
    fields = json.loads(first.removeprefix(b"#workbook-sealed "))
    assert (fields["place"], fields["key"]) == (place, key.id)
    assert rest.startswith(b"format = 1\n")
    # The line is a TOML comment: what age gives is the TOML file still.
    assert tomllib.loads(result.stdout.decode())["format"] == 1


# The command line


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def secret_file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n")
    return str(path)


def test_cli_encrypt_couples_and_decrypt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    play(Store(root))
    good = secret_file(tmp_path, "pass", PASSPHRASE)
    bad = secret_file(tmp_path, "bad", "not the passphrase")
    code, out, err = run(capsys, "--data-dir", str(root), "encrypt", "--passphrase-file", good)
    assert code == 0, err
    assert re.search(r"^    [A-Z2-7]{5}(-[A-Z2-7]{5}){7}$", out, re.M)
    assert "recovery code" in err
    code, _, err = run(capsys, "--data-dir", str(root), "encrypt", "--passphrase-file", good)
    assert (code, "already encrypted" in err) == (2, True)
    code, out, err = run(capsys, "--data-dir", str(root), "couples", "--passphrase-file", bad)
    assert code == 2
    assert "That passphrase does not open this folder" in err
    assert "Traceback" not in err
    code, out, err = run(capsys, "couples", "--data-dir", str(root), "--passphrase-file", good)
    assert code == 0, err
    assert f"{SECRETS[0]} and {SECRETS[1]}" in out
    code, _, err = run(capsys, "--data-dir", str(root), "decrypt", "--passphrase-file", good)
    assert code == 0, err
    assert (root / "couples" / "sammy-sosa-secret-and-alexandria-quill" / "couple.toml").is_file()


def test_cli_asks_on_the_terminal_again_after_a_wrong_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    play(Store(root))
    typed = iter(["short", PASSPHRASE, "a typo", PASSPHRASE, PASSPHRASE])
    asked: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return next(typed)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    # Too short, then twice the same after a typo.
    code, _, err = run(capsys, "--data-dir", str(root), "encrypt")
    assert code == 0, err
    assert "at least 8 characters" in err
    assert "did not match" in err
    typed = iter(["wrong one", PASSPHRASE])
    vault.forget_all()
    code, out, err = run(capsys, "--data-dir", str(root), "couples")
    assert code == 0, err
    assert "That passphrase does not open this folder" in err
    assert SECRETS[0] in out


def test_cli_change_and_lost_passphrase(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "data"
    play(Store(root))
    good = secret_file(tmp_path, "pass", PASSPHRASE)
    _, out, _ = run(capsys, "--data-dir", str(root), "encrypt", "--passphrase-file", good)
    recovery = secret_file(tmp_path, "code", out.strip())
    files = {k: v for k, v in every_file(root).items() if k != vault.KEY_FILE}
    new = secret_file(tmp_path, "new", "the second passphrase")
    args = ["--data-dir", str(root), "passphrase", "--passphrase-file", good]
    code, _, err = run(capsys, *args, "--new-passphrase-file", new)
    assert code == 0, err
    assert "No data file was rewritten" in err
    code, _, err = run(capsys, "--data-dir", str(root), "couples", "--passphrase-file", good)
    assert code == 2
    third = secret_file(tmp_path, "third", "the third passphrase")
    wrong_code = secret_file(tmp_path, "wrong-code", "AAAAA-" * 8)
    lost = ["--data-dir", str(root), "passphrase", "--lost", "--new-passphrase-file", third]
    code, _, err = run(capsys, *lost, "--recovery-code-file", wrong_code)
    assert (code, "recovery code does not open" in err) == (2, True)
    code, _, err = run(capsys, *lost, "--recovery-code-file", recovery)
    assert code == 0, err
    vault.forget_all()
    code, out, err = run(capsys, "--data-dir", str(root), "couples", "--passphrase-file", third)
    assert (code, SECRETS[0] in out) == (0, True)
    assert {k: v for k, v in every_file(root).items() if k != vault.KEY_FILE} == files


def test_cli_without_pyrage_says_how_to_install_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise vault.CryptUnavailable()

    monkeypatch.setattr(vault, "_pyrage", missing)
    good = secret_file(tmp_path, "pass", PASSPHRASE)
    code, _, err = run(
        capsys, "--data-dir", str(tmp_path / "d"), "encrypt", "--passphrase-file", good
    )
    assert code == 2
    assert "pip install pyrage" in err


@pytest.mark.parametrize("encrypted", [False, True])
def test_renaming_a_couple_rewrites_agreement_md(tmp_path: Path, encrypted: bool) -> None:
    root = tmp_path / "data"
    if encrypted:
        crypt_folder.encrypt(root, PASSPHRASE, lambda code: None)
        crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    play(Store(root))
    store = Store(root)
    (couple_id,) = store.couple_ids()
    renamed = caseload.rename(store, couple_id, ("Ingrid", "Tomasz"), "Dr. Lee", WHEN.date)
    assert renamed.document_problem is None
    assert [p.name for p in renamed.couple.partners] == ["Ingrid", "Tomasz"]
    document = read_limited(store.layout.agreement_document(couple_id), 10**6).decode()
    assert "Ingrid" in document
    assert "Tomasz" in document
    assert SECRETS[1] not in document  # the old second name (the first is in a term)
    assert vault.disk(store.layout.agreement_document(couple_id)).name.endswith(
        ".age" if encrypted else ".md"
    )
