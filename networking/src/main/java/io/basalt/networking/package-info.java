/** libp2p wire protocols on Netty; chain-agnostic, topics and messages are bytes here. */
package io.basalt.networking;
