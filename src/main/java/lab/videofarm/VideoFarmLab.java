package lab.videofarm;

/** Starts VideoFarm Lab. */
public final class VideoFarmLab {
  private VideoFarmLab() {}

  public static void main(String[] args) throws Exception {
    System.out.println("VideoFarm Lab");
  }
}
