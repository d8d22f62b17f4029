"""Forgetting a couple: their kept packs that nothing else uses, and the home cache, go too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.crypt_helpers import PASSPHRASE, every_file, quick_wrap
from workbook.data import crypt_folder, vault
from workbook.data.forget import forget_leftovers, pack_digests
from workbook.data.models import PackUse
from workbook.data.places import write_atomic
from workbook.data.store import Store

SHARED, OWN, OTHER = b'title = "shared"\n', b'title = "only-theirs"\n', b'title = "other"\n'


@pytest.mark.parametrize("encrypted", [False, True])
def test_forgetting_a_couple_leaves_nothing_of_them(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool
) -> None:
    quick_wrap(monkeypatch)
    if encrypted:
        crypt_folder.encrypt(data_dir, PASSPHRASE, lambda code: None)
        crypt_folder.open_folder(data_dir, PASSPHRASE, lambda code: None)
    store = Store(data_dir)
    store.prepare()
    for names, packs in ((("Sam", "Alex"), (SHARED, OWN)), (("Kim", "Lou"), (SHARED, OTHER))):
        couple = store.create_couple(*names)
        session = store.new_session(couple.id, ["a", "b"])
        for pack_id, raw in zip("ab", packs, strict=True):
            session.packs[pack_id] = PackUse(title=pack_id, digest=store.keep_pack(raw))
        store.save_session(couple.id, session)
    store.close()
    write_atomic(data_dir / "index.toml", b'[couples.x]\nnames = ["Sam", "Alex"]\n')
    (gone,) = [c for c in store.couple_ids() if store.load_couple(c).partners[0].name == "Sam"]
    digests = pack_digests(store, gone)
    assert len(digests) == 2
    shutil.rmtree(store.layout.couple_folder(gone))
    removed = forget_leftovers(store, digests)
    assert len(removed) == 2  # the pack only they used, and the cache
    left = every_file(data_dir)
    kept = {store.packs.load(d) for d in pack_digests(store, store.couple_ids()[0])}
    assert kept == {SHARED, OTHER}
    if not encrypted:  # (sealed, no name is anywhere in the clear anyway)
        assert not any(b"Alex" in raw for raw in left.values())
    assert not any(b"only-theirs" in raw for raw in left.values())
    vault.forget_all()
