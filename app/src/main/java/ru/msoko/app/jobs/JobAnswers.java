package ru.msoko.app.jobs;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import ru.msoko.app.security.ApiProblem;

/** The API's answer to work started as a background job ({@code async=true}). */
public final class JobAnswers {

    private JobAnswers() {
    }

    /** The answer body of an accepted job: its number and where to follow it. */
    record Accepted(long id, String state, String location) {
    }

    /** 202 with Location {@code /api/v1/jobs/{id}}; 503 problem when the job could not be started. */
    public static ResponseEntity<?> accepted(long id, boolean started, HttpServletRequest request) {
        String location = request.getContextPath() + "/api/v1/jobs/" + id;
        if (!started) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Location", location)
                    .contentType(MediaType.parseMediaType(ApiProblem.MEDIA_TYPE))
                    .body(ApiProblem.json(503, "job_not_started", "Задача № " + id + " не начата: очередь фоновых "
                            + "задач заполнена или файл не удалось принять; причина — в " + location
                            + ". Повторите позже.", ApiProblem.path(request), List.of()));
        }
        return ResponseEntity.accepted().location(URI.create(location))
                .body(new Accepted(id, JobState.QUEUED.name(), location));
    }
}
