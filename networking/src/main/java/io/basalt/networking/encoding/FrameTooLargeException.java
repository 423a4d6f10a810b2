package io.basalt.networking.encoding;

/** A frame whose announced length exceeds the reader's limit; thrown before anything is read. */
public final class FrameTooLargeException extends DecodingException {

  private final long announcedLength;
  private final int maxLength;

  public FrameTooLargeException(long announcedLength, int maxLength) {
    super("Frame of " + announcedLength + " bytes exceeds the limit of " + maxLength + " bytes");
    this.announcedLength = announcedLength;
    this.maxLength = maxLength;
  }

  public long announcedLength() {
    return announcedLength;
  }

  public int maxLength() {
    return maxLength;
  }
}
