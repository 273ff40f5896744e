"""Marker words: a word no article holds, so that searching it finds exactly
the articles a test or benchmark wrote it into."""

LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def marker_word(prefix, n):
    """`prefix` followed by n written in Russian letters (`метка`, 0 -> меткаа):
    one Cyrillic word for each n, which the analyser keeps whole."""
    word = ""
    while True:
        word = LETTERS[n % len(LETTERS)] + word
        n //= len(LETTERS)
        if n == 0:
            return prefix + word
