/** How URLSession talks to the transfer daemon: the event bridge and its helpers. Not API. */
package lab.videofarm.urlsession.internal;
