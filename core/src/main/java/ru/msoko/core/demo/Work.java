package ru.msoko.core.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A ВПР work of the demo: task labels with maximum scores and the mark scale. The maxima and
 * thresholds are the official ВПР 2021 scales (vpr-2021-mark-scales.csv in the shared public data,
 * from the ФИОКО work descriptions); the task split is modelled on the ФИС ОКО forms (criteria
 * {@code 1К1}…, items {@code 3(1)}…).
 */
record Work(String subject, int grade, List<String> labels, int[] max, int[] thresholds) {

    /** @param thresholds lowest primary score of «3», «4», «5» */
    static Work of(String subject, int grade, int total, int criteria, int[] thresholds) {
        List<String> labels = new ArrayList<>();
        List<Integer> maxima = new ArrayList<>();
        int sum = 0;
        for (int k = 1; k <= criteria; k++) {
            labels.add("1К" + k);
            int m = k == 1 ? 4 : k == 2 ? 3 : 2;
            maxima.add(m);
            sum += m;
        }
        int task = criteria > 0 ? 2 : 1;
        while (sum < total) {
            int m = Math.min(total - sum, task % 4 == 0 ? 2 : task % 7 == 0 ? 3 : 1 + (task > 10 ? 1 : 0));
            labels.add(String.valueOf(task++));
            maxima.add(m);
            sum += m;
        }
        return new Work(subject, grade, labels, maxima.stream().mapToInt(Integer::intValue).toArray(), thresholds);
    }

    static List<Work> vpr() {
        return List.of(
                of("Математика", 4, 20, 0, new int[] {6, 10, 15}),
                of("Русский язык", 4, 38, 2, new int[] {14, 24, 33}),
                of("Математика", 5, 20, 0, new int[] {7, 11, 15}),
                of("Русский язык", 5, 45, 3, new int[] {18, 29, 39}),
                of("Математика", 6, 16, 0, new int[] {6, 10, 14}),
                of("Русский язык", 6, 51, 3, new int[] {25, 35, 45}),
                of("Математика", 7, 19, 0, new int[] {7, 12, 16}),
                of("Русский язык", 7, 47, 3, new int[] {22, 32, 42}),
                of("Математика", 8, 25, 0, new int[] {8, 15, 21}),
                of("Русский язык", 8, 51, 3, new int[] {26, 32, 45}));
    }

    int total() {
        int s = 0;
        for (int m : max) {
            s += m;
        }
        return s;
    }

    int mark(int primary) {
        return Scales.mark(primary, thresholds);
    }

    String header() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            sb.append(';').append(labels.get(i)).append(" (").append(max[i]).append("б)");
        }
        return sb.toString();
    }
}
