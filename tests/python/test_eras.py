"""Eras as data (#14) from Python: add_era, MIYAGIPLAN_EXTRA_ERAS and the tentative era.

Adding an era changes the process's era table, so each test runs its code in a fresh
interpreter, with the environment it needs.
"""

import os
import subprocess
import sys
import textwrap


def run(code, extra_eras=None, tentative_era=None):
    env = dict(os.environ)
    env.pop("MIYAGIPLAN_EXTRA_ERAS", None)
    env.pop("MIYAGIPLAN_TENTATIVE_ERA", None)
    if extra_eras is not None:
        env["MIYAGIPLAN_EXTRA_ERAS"] = extra_eras
    if tentative_era is not None:
        env["MIYAGIPLAN_TENTATIVE_ERA"] = tentative_era
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True,
                          text=True)


def check(code, extra_eras=None, tentative_era=None):
    result = run(code, extra_eras, tentative_era)
    assert result.returncode == 0, result.stderr


def test_add_era_reads_and_formats_from_its_first_day_only():
    check("""
        import datetime
        import miyagiplan
        from miyagiplan import Era
        D = datetime.date
        before = miyagiplan.parse_date("令和13年4月30日")
        e = miyagiplan.add_era("未来", "Mirai", "X", D(2031, 5, 1))
        assert e == Era.MIRAI and int(e) == 5 and str(e) == "mirai"
        assert Era.from_string("未来") == e and Era.from_string("x") == e and Era.from_string("MIRAI") == e
        assert e.info.kanji == "未来" and e.info.letter == "X" and e.info.first_day == D(2031, 5, 1)
        assert e.info.last_day is None and Era.REIWA.info.last_day == D(2031, 4, 30)
        assert [i.era for i in miyagiplan.ERAS][-1] == e and len(miyagiplan.ERAS) == 6
        assert "MIRAI" in Era.__members__
        assert miyagiplan.parse_date("令和13年4月30日") == before
        assert miyagiplan.to_wareki(D(2031, 4, 30)) == "令和13年4月30日"
        assert miyagiplan.to_wareki(D(2031, 5, 1)) == "未来元年5月1日"
        assert miyagiplan.parse_date("未来2年3月末").first == D(2032, 3, 31)
        assert miyagiplan.era_of(D(2031, 5, 1)) == e
        assert miyagiplan.parse_date("令和14年度").proleptic
        found = miyagiplan.find_dates("未来2年度から未来4年度まで")
        assert [m.text for m in found] == ["未来2年度から未来4年度まで"]
        assert miyagiplan.EraDate(e, 1, 5, 1).to_date() == D(2031, 5, 1)
    """)


def test_add_era_refusals_are_value_errors():
    check("""
        import datetime
        import miyagiplan
        D = datetime.date
        for args, error, words in [
            (("平成", "Other", "Q", D(2040, 1, 1)), miyagiplan.ParseError, "a name no era in force has"),
            (("未来", "Heisei", "Q", D(2040, 1, 1)), miyagiplan.ParseError, "romaji"),
            (("未来", "Mirai", "H", D(2040, 1, 1)), miyagiplan.ParseError, "a letter no era in force has"),
            (("未来", "Mirai", "QQ", D(2040, 1, 1)), miyagiplan.ParseError, "one letter"),
            (("未来", "Mirai", "Q", D(2019, 5, 1)), miyagiplan.RangeError, "after the first day of the latest era"),
        ]:
            try:
                miyagiplan.add_era(*args)
            except error as exc:
                assert isinstance(exc, ValueError) and words in str(exc), exc
            else:
                raise AssertionError(args)
        assert len(miyagiplan.ERAS) == 5
    """)


def test_extra_eras_from_the_environment():
    check("""
        import datetime
        import miyagiplan
        from miyagiplan import Era
        D = datetime.date
        assert [str(i.era) for i in miyagiplan.ERAS][-2:] == ["mirai", "jidai"]
        assert miyagiplan.to_wareki(D(2041, 1, 1)) == "次代2年1月1日"
        assert miyagiplan.to_wareki(D(2031, 4, 30)) == "令和13年4月30日"
        assert Era.JIDAI.info.first_day == D(2040, 1, 1)
    """, extra_eras="未来,Mirai,X,2031-05-01;次代,Jidai,J,2040-01-01")


def test_a_malformed_environment_fails_the_import_naming_the_variable():
    result = run("import miyagiplan", extra_eras="未来,Mirai,X,2031-13-01")
    assert result.returncode != 0
    assert "MIYAGIPLAN_EXTRA_ERAS" in result.stderr and "YYYY-MM-DD" in result.stderr


# --- The tentative era: a placeholder, as ICU's ICU_ENABLE_TENTATIVE_ERA ------------------------


def test_add_tentative_era_then_the_real_era_in_its_place():
    check("""
        import datetime
        import miyagiplan
        from miyagiplan import Era
        D = datetime.date
        e = miyagiplan.add_tentative_era(D(2031, 5, 1))
        assert e == Era.TENTATIVE and int(e) == 5 and str(e) == "tentative"
        assert e.info.tentative and not Era.REIWA.info.tentative
        assert e.info.kanji == "未定" and e.info.letter == "Q" and e.info.first_day == D(2031, 5, 1)
        assert miyagiplan.to_wareki(D(2031, 4, 30)) == "令和13年4月30日"
        assert miyagiplan.to_wareki(D(2031, 5, 1)) == "未定元年5月1日"
        assert miyagiplan.to_wareki(D(2032, 1, 2), style="abbrev") == "Q2.1.2"
        assert miyagiplan.parse_date("未定2年3月末").first == D(2032, 3, 31)
        assert miyagiplan.add_tentative_era(D(2031, 5, 1)) == e and len(miyagiplan.ERAS) == 6

        # The name announced: the real era takes the placeholder's place and value.
        real = miyagiplan.add_era("未来", "Mirai", "X", D(2031, 5, 1))
        assert real == e and real == Era.MIRAI and str(real) == "mirai" and not real.info.tentative
        assert "TENTATIVE" not in Era.__members__ and not hasattr(Era, "TENTATIVE")
        assert len(miyagiplan.ERAS) == 6 and miyagiplan.ERAS[5].kanji == "未来"
        assert miyagiplan.to_wareki(D(2031, 5, 1)) == "未来元年5月1日"
        assert miyagiplan.era_of(D(2031, 5, 1)) == Era.MIRAI

        # A later placeholder, with the same member name again.
        later = miyagiplan.add_tentative_era(D(2040, 1, 1))
        assert later == Era.TENTATIVE and int(later) == 6 and miyagiplan.ERAS[6].tentative
    """)


def test_add_tentative_era_refusals_are_value_errors():
    check("""
        import datetime
        import miyagiplan
        D = datetime.date
        def refused(call, error, words):
            try:
                call()
            except error as exc:
                assert isinstance(exc, ValueError) and words in str(exc), exc
            else:
                raise AssertionError(words)
        refused(lambda: miyagiplan.add_tentative_era(D(2019, 5, 1)), miyagiplan.RangeError,
                "after the first day of the latest era")
        refused(lambda: miyagiplan.add_era("未定", "Mitei", "X", D(2040, 1, 1)), miyagiplan.ParseError,
                "the tentative era's placeholder")
        refused(lambda: miyagiplan.add_era("未来", "Tentative", "X", D(2040, 1, 1)), miyagiplan.ParseError,
                "the tentative era's placeholder")
        assert len(miyagiplan.ERAS) == 5
        miyagiplan.add_tentative_era(D(2031, 5, 1))
        refused(lambda: miyagiplan.add_tentative_era(D(2040, 1, 1)), miyagiplan.RangeError,
                "a tentative era is in force")
        refused(lambda: miyagiplan.add_era("未来", "Mirai", "X", D(2031, 4, 1)), miyagiplan.RangeError,
                "the tentative era, from 2031-05-01")
        assert len(miyagiplan.ERAS) == 6
    """)


def test_tentative_era_from_the_environment():
    check("""
        import datetime
        import miyagiplan
        from miyagiplan import Era
        D = datetime.date
        assert [str(i.era) for i in miyagiplan.ERAS][-2:] == ["mirai", "tentative"]
        assert miyagiplan.ERAS[-1].tentative and miyagiplan.ERAS[-1].first_day == D(2040, 1, 1)
        assert miyagiplan.to_wareki(D(2041, 1, 1)) == "未定2年1月1日"
        assert miyagiplan.to_wareki(D(2039, 12, 31)) == "未来9年12月31日"
    """, extra_eras="未来,Mirai,X,2031-05-01", tentative_era="2040-01-01")


def test_a_malformed_tentative_era_fails_the_import_naming_the_variable():
    for value in ("2031-13-01", "true", "2019-05-01"):
        result = run("import miyagiplan", tentative_era=value)
        assert result.returncode != 0, value
        assert "MIYAGIPLAN_TENTATIVE_ERA" in result.stderr, result.stderr
