"""Maths the tutor can check exactly (sympy): a pupil's proposed solution, an equation to start, a percentage.

* "2x + 3 = 13, I got x = 4" -> checked by substitution: right, or which step to look at again,
  without handing over the solution.
* "Lahenda 2x + 3 = 13" -> the first step of the method for this equation, and a question back.
* "Mis on 15% 80-st?" -> a guided computation (what 15 % means, then the product).

Only a narrow, safe alphabet is ever parsed (digits, one-letter variables, operators, brackets):
user text never reaches ``sympy.parse_expr`` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from tutor.i18n import ui


def _texts(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "right": _("Yes, {var} = {value} is right. Check: with {var} = {value}, {left} = {check}."),
        "wrong": _("Let's check: with {var} = {value}, {left} = {check}, but it should be {right}. So {var} = {value} does not fit."),
        "sign": _("Look again at the step where you moved {term} to the other side: its sign changes."),
        "divide": _("Look again at the last step: did you divide both sides by {coef}?"),
        "recheck": _("Go through your solution step by step and check after each step that both sides are still equal."),
        "linear_start": _("Start like this: {move} Then divide both sides by {coef}. What value do you get for {var}? Write your answer and I'll check it."),
        "move": _("move {term} to the other side (subtract {abs} from both sides) — you get {coef}{var} = {rest}."),
        "collect": _("Start like this: open any brackets, then bring the terms with {var} to one side and the numbers to the other. What do you get? Write your answer and I'll check it."),
        "move_add": _("move {term} to the other side (add {abs} to both sides) — you get {coef}{var} = {rest}."),
        "quadratic_start": _("This is a quadratic equation ax² + bx + c = 0 with a = {a}, b = {b}, c = {c}. First compute the discriminant D = b² − 4ac. What value do you get for D?"),
        "percent": _("{p} % means {p}/100 = {fraction}. So multiply: {fraction} · {n} = {result}."),
        "arithmetic": "{expr} = {result}.",
    }


_SAFE = re.compile(r"^[0-9a-z+\-*/^().,² ]{1,80}$")
_PERCENT = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:%|protsent\w*|percent|процент\w*)\s*(?:of|arvust|от|из)?\s*(\d+(?:[.,]\d+)?)(?:\s*-?\s*(?:st|s|a)\b)?",
    re.IGNORECASE)
_ARITHMETIC = re.compile(r"(?:^|\s)(\d+(?:[.,]\d+)?(?:\s*[-+*/×·:]\s*\d+(?:[.,]\d+)?)+)\s*(?:=\s*\?|\?|$)")


@dataclass(frozen=True)
class MathsReply:
    """What the maths checker has to say: ``kind`` is check | start | compute."""

    kind: str
    text: str
    correct: bool | None = None


def _t(key: str, lang: str, **kw: object) -> str:
    return _texts(ui(lang)._)[key].format(**kw)


def _num(value: object, lang: str) -> str:
    import sympy

    v = sympy.nsimplify(value)
    if v.is_Integer:
        text = str(int(v))
    elif v.is_Rational and v.q in (2, 4, 5, 8, 10, 20, 25, 50, 100, 1000):
        text = f"{float(v):g}"
    else:
        text = str(v)
    return text.replace(".", ",") if lang in ("et", "ru") else text


def _normalise(text: str) -> str:
    text = text.lower().replace("²", "^2").replace("−", "-").replace("×", "*").replace("·", "*").replace(":", "/")
    return re.sub(r"(?<=\d),(?=\d)", ".", text)


def _parse(expr: str):  # noqa: ANN202 - a sympy expression
    from sympy.parsing.sympy_parser import (
        convert_xor,
        implicit_multiplication_application,
        parse_expr,
        standard_transformations,
    )

    expr = expr.strip().replace("²", "^2")
    if not _SAFE.match(expr) or re.search(r"[a-z]{2,}", expr):
        raise ValueError("not a simple expression")
    return parse_expr(expr, transformations=standard_transformations + (implicit_multiplication_application,
                                                                          convert_xor), evaluate=True)


_WORD = re.compile(r"[^\W\d_]{2,}")
_ANSWER_SEGMENT = re.compile(r"^([a-z])\s*=\s*(-?\d+(?:\.\d+)?(?:/\d+)?)$")


def _segments(text: str) -> list[str]:
    """Runs of maths in a sentence: words of two or more letters, any letter outside a-z (Cyrillic "у"),
    and , ; ? end a run."""
    parts = re.split(r"[,;?!]|\.(?!\d)|[^\W\d_a-z]|" + _WORD.pattern, text)
    out = []
    for part in parts:
        # "5x - 4 = 11 x = 3": a new "x =" after a number starts a new run
        out += [p.strip() for p in re.split(r"(?<=[\d)])\s+(?=[a-z]\s*=)", part) if "=" in p]
    return out


def _equation(text: str):  # noqa: ANN202
    """(lhs, rhs, variable, left text, right text) of the first equation, and the proposed values."""
    import sympy

    equation, answers = None, []
    for segment in _segments(text):
        answer = _ANSWER_SEGMENT.match(segment)
        if answer:
            answers.append((answer.group(1), answer.group(2)))
            continue
        if equation is not None or segment.count("=") != 1:
            continue
        left, right = (x.strip() for x in segment.split("="))
        try:
            lhs, rhs = _parse(left), _parse(right)
        except (ValueError, SyntaxError, TypeError, sympy.SympifyError):
            continue
        symbols = sorted((lhs - rhs).free_symbols, key=str)
        if len(symbols) == 1:
            equation = (lhs, rhs, symbols[0], left, right)
    return equation, answers


def analyse(question: str, lang: str) -> MathsReply | None:
    """A checked reply for a maths question, or None when the question is not one the checker reads."""
    import sympy

    text = _normalise(question)
    percent = _PERCENT.search(text)
    if percent:
        p, n = sympy.nsimplify(percent.group(1)), sympy.nsimplify(percent.group(2))
        fraction = p / 100
        return MathsReply("compute", _t("percent", lang, p=_num(p, lang), n=_num(n, lang),
                                        fraction=_num(fraction, lang), result=_num(fraction * n, lang)))
    found, answers = _equation(text)
    if found is None:
        arith = _ARITHMETIC.search(text)
        if arith and not re.search(r"[a-z]\s*=", text):
            try:
                value = _parse(arith.group(1))
            except (ValueError, SyntaxError, TypeError, sympy.SympifyError):
                return None
            if value.free_symbols:
                return None
            return MathsReply("compute", _t("arithmetic", lang, expr=arith.group(1).strip(), result=_num(value, lang)))
        return None
    lhs, rhs, var, left_text, right_text = found
    proposed = [value for name, value in answers if name == str(var)]
    if proposed:
        value = sympy.nsimplify(proposed[-1])
        check_left = lhs.subs(var, value)
        check_right = rhs.subs(var, value)
        correct = sympy.simplify(check_left - check_right) == 0
        kw = {"var": str(var), "value": _num(value, lang), "left": left_text, "check": _num(check_left, lang),
              "right": _num(check_right, lang)}
        if correct:
            return MathsReply("check", _t("right", lang, **kw), True)
        return MathsReply("check", f"{_t('wrong', lang, **kw)} {_step_hint(lhs, rhs, var, value, lang)}", False)
    poly = sympy.Poly(sympy.expand(lhs - rhs), var)
    if poly.degree() == 1 and (sympy.expand(rhs).coeff(var, 1) != 0 or lhs != sympy.expand(lhs)):
        return MathsReply("start", _t("collect", lang, var=str(var)))
    if poly.degree() == 1:
        a, c_left, r = _linear_parts(lhs, rhs, var)
        coef = _num(a, lang) if a != 1 else ""
        move = ""
        if c_left != 0:
            move = _t("move" if c_left > 0 else "move_add", lang, term=f"{'+' if c_left > 0 else '−'} {_num(abs(c_left), lang)}",
                      abs=_num(abs(c_left), lang), coef=coef, var=str(var), rest=_num(r - c_left, lang))
        return MathsReply("start", _t("linear_start", lang, move=move, coef=_num(a, lang), var=str(var)))
    if poly.degree() == 2:
        a, b, c = poly.all_coeffs()
        return MathsReply("start", _t("quadratic_start", lang, a=_num(a, lang), b=_num(b, lang), c=_num(c, lang)))
    return None


def _linear_parts(lhs, rhs, var):  # noqa: ANN001, ANN202
    """For ``a·x + c = r`` written any way round: (a, c, r) with c the constant on the variable's side."""
    import sympy

    a = sympy.expand(lhs - rhs).coeff(var, 1)
    c_left = sympy.expand(lhs).subs(var, 0)
    r = sympy.expand(rhs).subs(var, 0)
    return a, c_left, r


def _step_hint(lhs, rhs, var, value, lang: str) -> str:  # noqa: ANN001
    """Which step of a linear solution to look at again, from the shape of the wrong value."""
    import sympy

    if sympy.Poly(sympy.expand(lhs - rhs), var).degree() != 1 or sympy.expand(rhs).coeff(var, 1) != 0:
        return _t("recheck", lang)
    a, c_left, r = _linear_parts(lhs, rhs, var)
    if c_left != 0 and value in ((r + c_left) / a, r + c_left):
        return _t("sign", lang, term=_num(abs(c_left), lang))
    if a not in (0, 1) and value == r - c_left:
        return _t("divide", lang, coef=_num(a, lang))
    return _t("recheck", lang)


def is_number(text: str) -> bool:
    """True for a plain number (used by tests and the chat to spot a bare answer)."""
    try:
        Fraction(text.replace(",", "."))
    except ValueError:
        return False
    return True
