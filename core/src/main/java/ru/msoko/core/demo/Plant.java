package ru.msoko.core.demo;

/** A manipulation planted in a school: its kind, strength and the first year (it goes on from then). */
record Plant(Manipulation kind, Strength strength, int from) {
}
