package dev.ballast.core.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Reads one JSON document strictly: a key repeated in an object and anything after the document are
 * errors (a lenient reader lets the last key win and ignores trailing junk), reported in one line
 * with the line and column.
 */
public final class StrictJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private StrictJson() {}

  /** Returns the document in {@code json}, or throws an {@link IllegalArgumentException}. */
  public static JsonNode read(String json) {
    try {
      return read(new StringReader(json));
    } catch (IOException e) {
      throw new IllegalStateException("reading a string failed", e);
    }
  }

  /**
   * Returns the document read from {@code reader}, or throws an {@link IllegalArgumentException}.
   */
  public static JsonNode read(Reader reader) throws IOException {
    try (JsonParser parser = MAPPER.createParser(reader)) {
      JsonNode root = MAPPER.readTree(parser);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        throw new IllegalArgumentException(
            "not valid JSON: unexpected content after the document" + at(parser.currentLocation()));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON: " + firstLine(e.getOriginalMessage()) + at(e.getLocation()), e);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("").strip();
  }

  private static String at(JsonLocation location) {
    return location == null
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
