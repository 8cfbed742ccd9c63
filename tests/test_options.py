from __future__ import annotations

from pathlib import Path

import pytest

from rasd.errors import ConfigError
from rasd.options import Options


def test_defaults_file_matches_the_dataclass_defaults() -> None:
    assert Options.load(config=None) == Options() or Options.load() == Options()


def test_user_file_overrides_key_by_key(tmp_path: Path) -> None:
    cfg = tmp_path / "rasd.toml"
    cfg.write_text("[input]\nmax_article_bytes = 10\n", encoding="utf-8")
    opts = Options.load(cfg)
    assert opts.input.max_article_bytes == 10
    assert opts.input.max_record_bytes == Options().input.max_record_bytes


@pytest.mark.parametrize(
    "body",
    [
        "[nope]\nx = 1\n",
        "[input]\nnope = 1\n",
        "[input]\nmax_article_bytes = true\n",
        "[pipeline]\nstages = 'clean'\n",
        "not toml [",
    ],
)
def test_invalid_config_is_rejected(tmp_path: Path, body: str) -> None:
    cfg = tmp_path / "rasd.toml"
    cfg.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError):
        Options.load(cfg)


def test_pipeline_order_is_checked() -> None:
    from rasd.errors import PipelineError
    from rasd.pipeline import Analyzer

    with pytest.raises(PipelineError, match="needs norm"):
        Analyzer(Options.load(overrides={"pipeline": {"stages": ["clean", "segment"]}}))
    with pytest.raises(PipelineError, match="unknown stage"):
        Analyzer(Options.load(overrides={"pipeline": {"stages": ["clean", "magic"]}}))
