"""Statistics from count records: rates and bootstrap intervals, log-odds, tests, families."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from scipy import sparse

from framing.corpus.counts import (
    CorpusCounts,
    CountTables,
    DocCounts,
    DocMeta,
    TermMeta,
    ngram_counts,
)
from framing.stats import (
    StatsOptions,
    actor_labels,
    benjamini_hochberg,
    bootstrap,
    distinguishing_ngrams,
    distinguishing_terms,
    family_members,
    group_summary,
    log_odds_dirichlet,
    pairwise_tests,
    rate_tables,
    rates_over_time,
    sentiment_summary,
)

TERMS = {
    "c\tterrorist": TermMeta("c\tterrorist", "c", "terrorist", "label", "delegitimizing", True, 1),
    "c\trebel": TermMeta("c\trebel", "c", "rebel", "label", "neutral", True, 0.3),
    "c\tsaid": TermMeta("c\tsaid", "c", "said", "verb", "neutral", False, 0.0),
}


def doc(words: tuple[int, int, int], terms: dict[str, tuple[int, int, int]], **kw) -> DocCounts:  # type: ignore[no-untyped-def]
    author, quote, attributed = words
    return DocCounts(
        words=(author, quote, attributed, author + quote + attributed),
        terms={f"c\t{k}": v for k, v in terms.items()},
        first={},
        polarity=kw.get("polarity", 0.0),
        subjectivity=kw.get("subjectivity", 0.5),
        unigrams=kw.get("unigrams", {}),
        bigrams=kw.get("bigrams", {}),
        actors=kw.get("actors", []),
    )


RECORDS = [
    ("a", doc((100, 20, 0), {"terrorist": (3, 1, 0), "said": (0, 0, 1)}, polarity=0.2)),
    ("a", doc((200, 0, 50), {"terrorist": (1, 0, 0)}, polarity=0.1)),
    ("a", doc((100, 0, 0), {}, polarity=-0.3)),
    ("b", doc((300, 30, 30), {"rebel": (4, 0, 0)}, polarity=0.0)),
    ("b", doc((100, 0, 0), {"rebel": (2, 0, 0), "terrorist": (0, 2, 0)}, polarity=0.4)),
]


def tables(records=RECORDS, *, dates: bool = False) -> CountTables:  # type: ignore[no-untyped-def]
    counts = CorpusCounts(TERMS)
    for i, (group, rec) in enumerate(records):
        date = dt.date(2024, 1 + i % 3, 5) if dates else None
        counts.add(DocMeta(i, group, date, f"h{i}"), rec)
    return counts.tables()


OPTS = StatsOptions(bootstrap=400, seed=7, min_docs=3, min_words=400)


def row(frame, **where):  # type: ignore[no-untyped-def]
    mask = np.ones(len(frame), dtype=bool)
    for k, v in where.items():
        mask &= (frame[k] == v).to_numpy()
    assert mask.sum() == 1, where
    return frame[mask].iloc[0]


def test_rates_by_voice_match_hand_computation() -> None:
    terms = rate_tables(tables(), OPTS)["terms"]
    r = row(terms, group="a", term="terrorist", voice="author")
    assert (r["count"], r["words"], r["docs"]) == (4, 400, 2)
    assert r["rate_per_1k"] == pytest.approx(10.0)
    assert row(terms, group="a", term="terrorist", voice="quote")["rate_per_1k"] == pytest.approx(
        1000 * 1 / 20
    )
    assert row(terms, group="a", term="terrorist", voice="all")["rate_per_1k"] == pytest.approx(
        1000 * 5 / 470
    )
    assert math.isnan(row(terms, group="a", term="rebel", voice="quote")["ci_low"]) is False
    b_quote = row(terms, group="b", term="terrorist", voice="quote")
    assert b_quote["rate_per_1k"] == pytest.approx(1000 * 2 / 30)
    zero = row(terms, group="b", term="said", voice="all")
    assert (zero["count"], zero["ci_low"], zero["ci_high"]) == (0, 0.0, 0.0)


def test_bootstrap_intervals_are_deterministic_and_per_group() -> None:
    first = rate_tables(tables(), OPTS)["terms"]
    again = rate_tables(tables(), OPTS)["terms"]
    assert first.equals(again)
    for r in first[first["count"] > 0].itertuples():
        assert r.ci_low <= r.rate_per_1k <= r.ci_high
    # adding another group leaves group a's intervals unchanged
    more = [*RECORDS, ("c", doc((50, 0, 0), {"rebel": (1, 0, 0)}))]
    grown = rate_tables(tables(more), OPTS)["terms"]
    a1 = row(first, group="a", term="terrorist", voice="author")
    a2 = row(grown, group="a", term="terrorist", voice="author")
    assert (a1["ci_low"], a1["ci_high"]) == (a2["ci_low"], a2["ci_high"])


def test_one_bootstrap_stream_whatever_the_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resampled sums are those of rng.integers(0, n, (B, n)) drawn at once, in any chunks."""
    x = np.array([[1.0, 0.5], [3.0, 0.25], [0.0, 2.0], [5.0, 1.0]])
    sums = bootstrap.resampled_sums(x, 9, np.random.default_rng(3))
    picks = np.random.default_rng(3).integers(0, 4, size=(9, 4))
    assert sums is not None
    np.testing.assert_array_equal(sums, x[picks].sum(axis=1))
    monkeypatch.setattr(bootstrap, "CELLS", 5)  # two resamples a chunk
    np.testing.assert_array_equal(bootstrap.resampled_sums(x, 9, np.random.default_rng(3)), sums)
    assert bootstrap.resampled_sums(x[:0], 9, np.random.default_rng(3)) is None


def test_rate_intervals_are_percentiles_of_resampled_rates() -> None:
    counts = sparse.csr_matrix(np.array([[2.0, 0.0], [0.0, 0.0], [5.0, 1.0]]))
    words = np.array([[100.0], [50.0], [200.0]])
    lo, hi = bootstrap.rate_intervals(
        counts, words, np.array([0, 0]), np.array([True, False]), 50, np.random.default_rng(1), 0.9
    )
    picks = np.random.default_rng(1).integers(0, 3, size=(50, 3))
    rates = 1000 * counts.toarray()[picks, 0].sum(axis=1) / words[picks, 0].sum(axis=1)
    assert (lo[0], hi[0]) == pytest.approx(tuple(np.quantile(rates, [0.05, 0.95])))
    assert (lo[1], hi[1]) == (0.0, 0.0)  # a column not resampled
    with_nan = bootstrap.percentile_interval(np.array([[1.0, np.nan], [3.0, np.nan]]), 0.5)
    assert with_nan[:, 0].tolist() == [1.5, 2.5] and np.isnan(with_nan[:, 1]).all()


def test_categories_and_families_sum_their_terms() -> None:
    t = rate_tables(tables(), OPTS)
    cat = row(t["categories"], group="b", category="label", voice="all")
    assert cat["count"] == 8
    fam = row(t["families"], group="b", family="rebel", voice="author")
    assert fam["count"] == 6 and fam["rate_per_1k"] == pytest.approx(1000 * 6 / 400)
    assert set(t["families"]["family"]) >= {"terrorist", "regime"}


def test_family_members_by_word_prefix() -> None:
    names = ["terrorist", "terror cell", "counter-terrorism operation", "error", "anti-regime"]
    terms = [TermMeta(n, "x", n, "c", "neutral", True, 0) for n in names]
    members = family_members(terms, [("terrorist", "terror"), ("regime", "regime")])
    assert [t.term for t in members["terrorist"]] == names[:3]
    assert [t.term for t in members["regime"]] == ["anti-regime"]


def test_small_sample_flags() -> None:
    summary = group_summary(tables(), OPTS)
    flags = dict(zip(summary["group"], summary["small_sample"], strict=True))
    assert flags == {"a": False, "b": True}
    warning = summary.set_index("group").loc["b", "warning"]
    assert "2 documents (< 3)" in warning
    a = summary.set_index("group").loc["a"]
    assert a["author_share"] == pytest.approx(400 / 470)
    assert a["loaded_author"] == 4  # "said" is not loaded


def test_log_odds_matches_the_formula() -> None:
    counts = np.array([[10.0, 90.0], [30.0, 70.0]])
    delta, se, z = log_odds_dirichlet(counts, prior_scale=0.5)
    a = 0.5 * counts.sum(axis=0)
    a0 = a.sum()
    y, n = counts[0], counts[0].sum()
    yr, nr = counts[1], counts[1].sum()
    expect = np.log((y + a) / (n + a0 - y - a)) - np.log((yr + a) / (nr + a0 - yr - a))
    assert delta[0] == pytest.approx(expect)
    assert se[0] == pytest.approx(np.sqrt(1 / (y + a) + 1 / (yr + a)))
    assert z[0] == pytest.approx(delta[0] / se[0])
    assert z[0, 0] < 0 < z[1, 0]  # group 0 uses word 0 less than the rest
    assert delta[0] == pytest.approx(-delta[1])


def test_distinguishing_terms_and_ngrams() -> None:
    d = distinguishing_terms(tables(), OPTS)
    top_a = d[(d["group"] == "a") & (d["voice"] == "author")].iloc[0]
    top_b = d[(d["group"] == "b") & (d["voice"] == "author")].iloc[0]
    assert (top_a["term"], top_b["term"]) == ("terrorist", "rebel")
    words = [
        ("a", doc((100, 0, 0), {}, unigrams={"regime": 9, "town": 5}, bigrams={"the regime": 1})),
        ("b", doc((100, 0, 0), {}, unigrams={"government": 8, "town": 5})),
    ]
    ng = distinguishing_ngrams(tables(words), StatsOptions(min_count=2))
    a = ng[(ng["group"] == "a") & (ng["kind"] == "word")]
    assert a.iloc[0]["feature"] == "regime" and a.iloc[0]["z"] > 1.96
    assert "the regime" not in set(ng["feature"])  # below min_count


def test_ngram_counts_tokenization() -> None:
    uni, bi = ngram_counts("The US-backed rebels' town, Assad's army; so-called rebels fled.")
    assert uni["us-backed"] == 1 and uni["rebels"] == 2 and uni["assad"] == 1
    assert "the" not in uni and bi["us-backed rebels"] == 1
    assert "town assad" not in bi  # a comma breaks a bigram
    assert bi["assad army"] == 1


def test_benjamini_hochberg_matches_scipy() -> None:
    from scipy.stats import false_discovery_control

    p = np.array([0.01, 0.04, 0.03, 0.2, 0.001, np.nan])
    adjusted = benjamini_hochberg(p)
    assert np.isnan(adjusted[-1])
    assert adjusted[:-1] == pytest.approx(false_discovery_control(p[:-1], method="bh"))


def test_pairwise_welch_on_ratio_estimators() -> None:
    pw = pairwise_tests(tables(), OPTS)
    r = row(pw, category="label", voice="author", group_a="a", group_b="b")
    assert r["rate_a"] == pytest.approx(10.0) and r["rate_b"] == pytest.approx(15.0)
    c_a, w_a = np.array([3, 1, 0]), np.array([100, 200, 100])
    ratio = c_a.sum() / w_a.sum()
    v_a = 3 / 2 * ((c_a - ratio * w_a) ** 2).sum() / w_a.sum() ** 2
    c_b, w_b = np.array([4, 2]), np.array([300, 100])
    ratio_b = c_b.sum() / w_b.sum()
    v_b = 2 / 1 * ((c_b - ratio_b * w_b) ** 2).sum() / w_b.sum() ** 2
    assert r["t"] == pytest.approx((ratio - ratio_b) / math.sqrt(v_a + v_b))
    assert 0 < r["p_value"] <= r["p_adjusted"] <= 1
    assert r["small_sample"]
    untested = row(pw, category="verb", voice="author", group_a="a", group_b="b")
    assert math.isnan(untested["p_value"])


def test_pairwise_finds_a_real_difference() -> None:
    rng = np.random.default_rng(1)
    records = []
    for group, lam in (("high", 8.0), ("low", 1.0)):
        for _ in range(30):
            records.append((group, doc((1000, 0, 0), {"terrorist": (int(rng.poisson(lam)), 0, 0)})))
    pw = pairwise_tests(tables(records), OPTS)
    r = row(pw, category="label", voice="author")
    assert r["significant"] and r["diff_per_1k"] > 5
    assert r["diff_ci_low"] > 0


def test_merge_equals_one_pass() -> None:
    whole = tables()
    left, right = CorpusCounts(TERMS), CorpusCounts(TERMS)
    for i, (group, rec) in enumerate(RECORDS):
        (left if i % 2 else right).add(DocMeta(i, group, None, f"h{i}"), rec)
    merged = left.merge(right).tables()
    assert merged.groups == whole.groups
    assert (merged.X != whole.X).nnz == 0
    assert (merged.words == whole.words).all()
    assert rate_tables(merged, OPTS)["terms"].equals(rate_tables(whole, OPTS)["terms"])


def test_sentiment_and_time_and_actors() -> None:
    s = sentiment_summary(tables(), OPTS)
    a = row(s, group="a", measure="polarity")
    assert a["mean"] == pytest.approx(0.0) and a["n"] == 3
    assert a["ci_low"] <= a["mean"] <= a["ci_high"]
    assert rates_over_time(tables(dates=True), OPTS).attrs["period"] == "week"  # 2 months
    over = rates_over_time(tables(dates=True), StatsOptions(period="month"))
    assert over.attrs["period"] == "month"
    jan = row(over, group="a", period="2024-01-01", measure="loaded terms", voice="author")
    assert (jan["docs"], jan["count"], jan["words"]) == (1, 3, 100)
    assert rates_over_time(tables(), OPTS).empty
    labelled = [
        ("a", doc((10, 0, 0), {}, actors=[("olf", "OLF", "terrorist", "author", 3)])),
        ("a", doc((10, 0, 0), {}, actors=[("olf", "OLF", "rebel", "author", 1)])),
    ]
    labels = actor_labels(tables(labelled), OPTS)
    own = labels[labels["voice"] == "author"]
    assert dict(zip(own["label"], own["share"], strict=True)) == {"rebel": 0.25, "terrorist": 0.75}
    assert set(labels["voice"]) == {"author", "all"}
