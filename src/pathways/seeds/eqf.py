"""The built-in EQF, used when no seed file declares framework EQF.

Descriptors are the 2017 wording (Council Recommendation 2017/C 189/03, Annex II);
responsibility-and-autonomy items are joined with "; " as in graph_seeds/.
"""

from __future__ import annotations

from pathways.model import EQF_CODE, Framework, Level

EQF_NAME = "European Qualifications Framework"
EQF_SOURCE = "Council Recommendation of 22 May 2017 (2017/C 189/03), Annex II"

# (knowledge, skills, responsibility and autonomy) for EQF levels 1..8
_DESCRIPTORS: tuple[tuple[str, str, str], ...] = (
    (  # EQF 1
        "Basic general knowledge",
        "Basic skills required to carry out simple tasks",
        "Work or study under direct supervision in a structured context",
    ),
    (  # EQF 2
        "Basic factual knowledge of a field of work or study",
        (
            "Basic cognitive and practical skills required to use relevant information in order "
            "to carry out tasks and to solve routine problems using simple rules and tools"
        ),
        "Work or study under supervision with some autonomy",
    ),
    (  # EQF 3
        (
            "Knowledge of facts, principles, processes and general concepts, in a field of work "
            "or study"
        ),
        (
            "A range of cognitive and practical skills required to accomplish tasks and solve "
            "problems by selecting and applying basic methods, tools, materials and information"
        ),
        (
            "Take responsibility for completion of tasks in work or study; Adapt own behaviour to"
            " circumstances in solving problems"
        ),
    ),
    (  # EQF 4
        "Factual and theoretical knowledge in broad contexts within a field of work or study",
        (
            "A range of cognitive and practical skills required to generate solutions to specific"
            " problems in a field of work or study"
        ),
        (
            "Exercise self-management within the guidelines of work or study contexts that are "
            "usually predictable, but are subject to change; Supervise the routine work of "
            "others, taking some responsibility for the evaluation and improvement of work or "
            "study activities"
        ),
    ),
    (  # EQF 5
        (
            "Comprehensive, specialised, factual and theoretical knowledge within a field of work"
            " or study and an awareness of the boundaries of that knowledge"
        ),
        (
            "A comprehensive range of cognitive and practical skills required to develop creative"
            " solutions to abstract problems"
        ),
        (
            "Exercise management and supervision in contexts of work or study activities where "
            "there is unpredictable change; Review and develop performance of self and others"
        ),
    ),
    (  # EQF 6
        (
            "Advanced knowledge of a field of work or study, involving a critical understanding "
            "of theories and principles"
        ),
        (
            "Advanced skills, demonstrating mastery and innovation, required to solve complex and"
            " unpredictable problems in a specialised field of work or study"
        ),
        (
            "Manage complex technical or professional activities or projects, taking "
            "responsibility for decision-making in unpredictable work or study contexts; Take "
            "responsibility for managing professional development of individuals and groups"
        ),
    ),
    (  # EQF 7
        (
            "Highly specialised knowledge, some of which is at the forefront of knowledge in a "
            "field of work or study, as the basis for original thinking and/or research; Critical"
            " awareness of knowledge issues in a field and at the interface between different "
            "fields"
        ),
        (
            "Specialised problem-solving skills required in research and/or innovation in order "
            "to develop new knowledge and procedures and to integrate knowledge from different "
            "fields"
        ),
        (
            "Manage and transform work or study contexts that are complex, unpredictable and "
            "require new strategic approaches; Take responsibility for contributing to "
            "professional knowledge and practice and/or for reviewing the strategic performance "
            "of teams"
        ),
    ),
    (  # EQF 8
        (
            "Knowledge at the most advanced frontier of a field of work or study and at the "
            "interface between fields"
        ),
        (
            "The most advanced and specialised skills and techniques, including synthesis and "
            "evaluation, required to solve critical problems in research and/or innovation and to"
            " extend and redefine existing knowledge or professional practice"
        ),
        (
            "Demonstrate substantial authority, innovation, autonomy, scholarly and professional "
            "integrity and sustained commitment to the development of new ideas or processes at "
            "the forefront of work or study contexts including research"
        ),
    ),
)


def builtin_eqf() -> Framework:
    """The EQF with levels "1".."8", each referenced to itself, with 2017 descriptors."""
    levels = tuple(
        Level(
            framework=EQF_CODE,
            code=str(n),
            eqf=(n,),
            descriptors={"knowledge": k, "skills": s, "responsibility_autonomy": r},
        )
        for n, (k, s, r) in enumerate(_DESCRIPTORS, start=1)
    )
    return Framework(code=EQF_CODE, name=EQF_NAME, levels=levels, source=EQF_SOURCE)
