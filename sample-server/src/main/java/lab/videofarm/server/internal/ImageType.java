package lab.videofarm.server.internal;

import java.util.Optional;

/** The thumbnail formats we accept, recognised by their first bytes, never by a file name. */
enum ImageType {
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
  JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

  static final int MAGIC_LENGTH = 8;

  private final String mediaType;
  private final byte[] magic;

  ImageType(String mediaType, byte[] magic) {
    this.mediaType = mediaType;
    this.magic = magic;
  }

  String mediaType() {
    return mediaType;
  }

  static Optional<ImageType> sniff(byte[] head, int length) {
    for (ImageType type : values()) {
      if (length >= type.magic.length && startsWith(head, type.magic)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
