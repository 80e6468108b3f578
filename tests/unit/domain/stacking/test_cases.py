"""Hand-made stacking cases: each explanation kind, complete, unreachable, bad input, ranking."""

from __future__ import annotations

import pytest

from pathways import errors
from pathways.domain.stacking import Counted, Plan, plan, rank_reachable
from pathways.model import (
    AllRule,
    AnyRule,
    Credential,
    CredentialKind,
    CredentialRule,
    CreditsRule,
    Decision,
    Objective,
    PlanningContext,
    Recognition,
    Rule,
)

MIG = Credential("ie-mig", CredentialKind.MICRO_CREDENTIAL, "MIG welding", "IE", ects=5.0)
SAFETY = Credential("ie-safety", CredentialKind.MICRO_CREDENTIAL, "Workshop safety", "IE", ects=1.0)
TIG = Credential(
    "ie-tig", CredentialKind.MICRO_CREDENTIAL, "TIG welding", "IE", ects=5.0,
    prerequisites=("ie-safety",),
)  # fmt: skip
KEEVITUS = Credential("ee-keevitus", CredentialKind.MICRO_CREDENTIAL, "Keevitus", "EE", ects=4.0)
OHUTUS = Credential("ee-ohutus", CredentialKind.MICRO_CREDENTIAL, "Tööohutus", "EE", ects=1.0)
DRAW = Credential("ie-draw", CredentialKind.UNIT, "Technical drawing", "IE", hours=50.0)
ALL = (MIG, SAFETY, TIG, KEEVITUS, OHUTUS, DRAW)


def rec(
    src: str, dst: str, decision: Decision = Decision.FULL, ects: float | None = None
) -> Recognition:
    return Recognition(src, dst, decision, "QQI", "2025-03-01", ects)


def ctx(
    rule: Rule | None, held: set[str], *recs: Recognition, extra: tuple[Credential, ...] = ()
) -> PlanningContext:
    target = Credential(
        "ie-cert", CredentialKind.QUALIFICATION, "Welding certificate", "IE", requirements=rule
    )
    creds = {c.id: c for c in (*ALL, *extra, target)}
    return PlanningContext(target, frozenset(held), creds, recs)


def text(result: Plan) -> str:
    return "\n".join(result.explanation)


def test_a_target_without_requirements_is_bad_input_naming_it() -> None:
    with pytest.raises(errors.BadUserInput, match="ie-cert"):
        plan(ctx(None, set()))


def test_holding_the_target_is_already_complete() -> None:
    result = plan(ctx(CredentialRule("ie-mig"), {"ie-cert"}))
    assert result.already_complete and result.achievable and not result.steps
    assert result.counted == (Counted("ie-cert", "ie-cert", "SAME_CREDENTIAL", None),)
    assert "already hold" in text(result)


def test_a_full_recognition_of_the_target_is_already_complete() -> None:
    foreign = Credential("ee-cert", CredentialKind.QUALIFICATION, "Keevitaja", "EE")
    result = plan(
        ctx(CredentialRule("ie-mig"), {"ee-cert"}, rec("ee-cert", "ie-cert"), extra=(foreign,))
    )
    assert result.already_complete and not result.steps
    assert result.counted[0].basis == "RECOGNITION_DECISION"
    assert "Your credential 'Keevitaja' from Estonia counts as 'Welding certificate'" in text(
        result
    )


def test_held_credentials_meeting_the_rules_are_already_complete() -> None:
    rule = AllRule((CredentialRule("ie-mig"), CredentialRule("ie-safety")))
    result = plan(ctx(rule, {"ie-mig", "ie-safety"}))
    assert result.already_complete and result.additional_credits == 0
    assert {c.held for c in result.counted} == {"ie-mig", "ie-safety"}
    assert "already meet every requirement" in text(result)


def test_a_held_full_substitute_is_counted_with_its_decision() -> None:
    rule = AllRule((CredentialRule("ie-mig"), CredentialRule("ie-safety")))
    result = plan(ctx(rule, {"ee-keevitus"}, rec("ee-keevitus", "ie-mig")))
    assert [s.credential for s in result.steps] == ["ie-safety"]
    assert result.counted == (Counted("ee-keevitus", "ie-mig", "RECOGNITION_DECISION", 5.0),)
    assert (
        "Your credential 'Keevitus' from Estonia counts as 'MIG welding' "
        "(recognised by QQI on 2025-03-01)" in text(result)
    )


def test_a_held_partial_substitute_counts_the_granted_credits() -> None:
    rule = CreditsRule(4.0, ("ie-mig", "ie-safety"))
    result = plan(ctx(rule, {"ee-keevitus"}, rec("ee-keevitus", "ie-mig", Decision.PARTIAL, 3.0)))
    assert result.step_ids == {"ie-safety"}
    assert result.counted == (Counted("ee-keevitus", "ie-mig", "RECOGNITION_DECISION", 3.0),)
    assert (
        "Your credential 'Keevitus' from Estonia counts for 3 ECTS of 'MIG welding' "
        "(partial recognition by QQI on 2025-03-01)" in text(result)
    )


def test_a_held_credential_refused_recognition_is_said_not_to_count() -> None:
    rule = AllRule((CredentialRule("ie-mig"), CredentialRule("ie-safety")))
    result = plan(ctx(rule, {"ee-keevitus"}, rec("ee-keevitus", "ie-mig", Decision.NONE)))
    assert result.step_ids == {"ie-mig", "ie-safety"} and not result.counted
    assert (
        "Your credential 'Keevitus' from Estonia does not count as 'MIG welding': QQI decided "
        "against recognising it on 2025-03-01." in text(result)
    )


def test_a_partial_recognition_does_not_meet_a_credential_requirement() -> None:
    partial = rec("ee-keevitus", "ie-mig", Decision.PARTIAL, 3.0)
    result = plan(ctx(CredentialRule("ie-mig"), {"ee-keevitus"}, partial))
    assert result.step_ids == {"ie-mig"} and not result.counted
    assert "only partly recognised as 'MIG welding' (3 ECTS" in text(result)


def test_a_prerequisite_step_says_whose_prerequisite_it_is() -> None:
    result = plan(ctx(CredentialRule("ie-tig"), set()))
    assert [s.credential for s in result.steps] == ["ie-safety", "ie-tig"]
    assert "it is a prerequisite of 'TIG welding'" in text(result)


def test_a_prerequisite_met_by_a_held_recognition_is_not_taken() -> None:
    result = plan(ctx(CredentialRule("ie-tig"), {"ee-ohutus"}, rec("ee-ohutus", "ie-safety")))
    assert result.step_ids == {"ie-tig"}
    assert (
        "Your credential 'Tööohutus' from Estonia counts as 'Workshop safety' (recognised by QQI on "
        "2025-03-01), the prerequisite of 'TIG welding'" in text(result)
    )


def test_a_new_substitute_fills_the_requirement_when_countries_say_so() -> None:
    rule = CredentialRule("ie-mig")
    result = plan(ctx(rule, set(), rec("ee-keevitus", "ie-mig")), countries=frozenset({"EE"}))
    assert [(s.credential, s.counts) for s in result.steps] == [("ee-keevitus", "ie-mig")]
    assert "it is recognised as 'MIG welding' by QQI on 2025-03-01" in text(result)
    assert plan(ctx(rule, set(), rec("ee-keevitus", "ie-mig"))).step_ids == {"ee-keevitus"}


def test_derived_ects_are_said() -> None:
    result = plan(ctx(CredentialRule("ie-draw"), set()))
    assert result.additional_credits == 2.0 and result.additional_hours == 50.0
    assert "2 ECTS are derived from its 50 hours at 25 hours per ECTS" in text(result)


def test_the_countries_filter_is_named_when_it_excludes_every_option() -> None:
    result = plan(ctx(CredentialRule("ie-mig"), set()), countries=frozenset({"EE"}))
    assert not result.achievable and not result.steps and result.additional_hours is None
    assert "'MIG welding' is from Ireland, which the countries filter excludes" in text(result)


def test_an_empty_countries_filter_takes_nothing_new() -> None:
    result = plan(ctx(CredentialRule("ie-mig"), set()), countries=frozenset())
    assert not result.achievable
    assert "no new credential may be taken" in text(result)


def test_double_counting_is_explained() -> None:
    rule = AllRule((CredentialRule("ee-keevitus"), CredentialRule("ie-mig")))
    result = plan(
        ctx(rule, {"ee-keevitus"}, rec("ee-keevitus", "ie-mig")), countries=frozenset({"EE"})
    )
    assert not result.achievable
    assert "not all at once" in text(result)


def test_a_cut_search_says_it_is_not_proven_optimal() -> None:
    rule = AnyRule((CredentialRule("ie-mig"), CredentialRule("ie-tig"), CredentialRule("ie-draw")))
    result = plan(ctx(rule, set()), node_budget=4)
    assert not result.optimal
    assert "budget" in text(result)


def test_a_spent_budget_still_plans_every_independent_group() -> None:
    rule = AllRule(
        (
            AnyRule((CredentialRule("ie-mig"), CredentialRule("ie-draw"))),
            CredentialRule("ee-ohutus"),
        )
    )
    result = plan(ctx(rule, set()), node_budget=1)
    assert result.achievable and not result.optimal
    assert "ee-ohutus" in result.step_ids
    assert "budget of 1 nodes" in result.explanation[1]


def test_a_target_of_hundreds_of_components_plans_without_running_out_of_stack() -> None:
    many = tuple(
        Credential(f"m{i:03d}", CredentialKind.UNIT, f"Unit {i}", "IE", ects=float(1 + i % 3))
        for i in range(600)
    )
    rule = CreditsRule(900.0, tuple(c.id for c in many))
    result = plan(ctx(rule, set(), extra=many))
    assert result.achievable and result.optimal
    assert result.additional_credits == 900


def test_objectives_choose_differently() -> None:
    rule = AnyRule((CredentialRule("ie-mig"), CredentialRule("ie-tig")))
    assert plan(ctx(rule, set()), Objective.COUNT).step_ids == {"ie-mig"}
    assert plan(ctx(rule, set()), Objective.CREDITS).step_ids == {"ie-mig"}
    rule = AnyRule((CredentialRule("ie-draw"), CredentialRule("ie-safety")))
    assert plan(ctx(rule, set()), Objective.HOURS).step_ids == {"ie-safety"}


def test_alternatives_are_distinct_and_best_first() -> None:
    rule = AnyRule((CredentialRule("ie-mig"), CredentialRule("ie-tig"), CredentialRule("ie-draw")))
    result = plan(ctx(rule, set()), alternatives=5)
    sets = [result.step_ids, *(a.step_ids for a in result.alternatives)]
    assert sets == [{"ie-draw"}, {"ie-mig"}, {"ie-safety", "ie-tig"}]
    with pytest.raises(errors.BadUserInput):
        plan(ctx(rule, set()), alternatives=-1)


def test_rank_reachable_keeps_achievable_within_limit_by_effort_then_id() -> None:
    def p(target: str, credits: float, achievable: bool = True) -> Plan:
        return Plan(target, achievable, False, True, (), credits, None, (), ())

    plans = [p("b", 5), p("a", 5), p("c", 1), p("d", 0, False), p("e", 30)]
    assert [x.target for x in rank_reachable(plans, 10, 10)] == ["c", "a", "b"]
    assert [x.target for x in rank_reachable(plans, None, 2)] == ["c", "a"]
