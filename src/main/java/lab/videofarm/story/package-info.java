/**
 * The story of background transfers, told headless: a phone with the VideoFarm app, a sample
 * server, and three scenarios that print the timeline and say whether every step happened.
 *
 * <p><b>In one minute.</b> {@link lab.videofarm.story.Stories} runs {@code download}, {@code
 * upload} or {@code force-quit} in a temp directory and exits 0 only if the file is byte-exact, the
 * steps of the story appear on the timeline in order, and no WARNING or ERROR appears that the
 * story did not provoke on purpose (only {@code force-quit}'s own force quit). {@link
 * lab.videofarm.story.VideoFarmPhone} is the phone they run on (and that the app's tests drive): it
 * installs the app bundle, presses the app's buttons ({@code lab.videofarm.app.AppCommands}) inside
 * the running launch, and waits for timeline events without polling.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=lab.videofarm.story.Stories -Dexec.args=download
 * </pre>
 *
 * <p><b>Glossary.</b> <i>Step</i>: one arrow of the story, matched by layer, name and task on the
 * timeline. The numbered rules the stories and the code cite ("rule 21") are in {@code
 * docs/ios-behaviour.md}. <i>Command</i>: a static method of {@code AppCommands}, called through
 * the launch's own class loader; the only way in from outside.
 *
 * <p><b>FAQ.</b> <i>Why "unheard" lines in the output?</i> No screen is shown in a headless run
 * (nor in any background launch), so nothing subscribes to most notifications: the notification
 * center says so, as information, rather than dropping them silently. <i>Why must a story show no
 * warning?</i> A warning on the timeline always means a mistake a student could make; a correct app
 * shows none. <i>Why can the test not just call the client?</i> The client belongs to a launch's
 * class loader; after a kill it must be gone, and a test holding it would keep it alive.
 */
package lab.videofarm.story;
