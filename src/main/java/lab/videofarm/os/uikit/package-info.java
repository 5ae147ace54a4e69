/**
 * What an app sees of the system, named after UIKit: the {@link
 * lab.videofarm.os.uikit.ApplicationDelegate} an app implements (launch, background events,
 * background fetch) and the {@link lab.videofarm.os.uikit.Application} it is handed for the length
 * of one launch.
 */
package lab.videofarm.os.uikit;
