package ru.msoko.core.demo;

/** How strongly a planted manipulation shows; every kind scales its effect with it ({@link Manipulation}). */
enum Strength {
    BLATANT,
    MEDIUM,
    SUBTLE
}
