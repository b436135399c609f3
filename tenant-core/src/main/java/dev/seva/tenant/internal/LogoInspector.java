package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decides what a logo is from its bytes, never from its name or declared type: PNG and JPEG must decode as images
 * of at most {@value #MAX_SIDE} pixels a side (measured from the header, before decoding);
 * SVG must parse as XML (no DTD, no external entities) with only drawing elements and attributes from an allow-list:
 * no scripts, event handlers, styles, foreign objects or references outside the document. Anything else is refused.
 */
final class LogoInspector {

    static final int MAX_BYTES = 256 * 1024;
    /** The most pixels a PNG or JPEG logo may have on a side (a logo is shown a few hundred pixels wide). */
    static final int MAX_SIDE = 4096;

    private static final Set<String> SVG_ELEMENTS = Set.of("svg", "g", "path", "rect", "circle", "ellipse", "line",
            "polyline", "polygon", "text", "tspan", "defs", "lineargradient", "radialgradient", "stop", "title",
            "desc", "clippath");
    private static final Set<String> SVG_ATTRIBUTES = Set.of("id", "class", "width", "height", "viewbox", "x", "y",
            "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "fill", "fill-opacity", "fill-rule",
            "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
            "stroke-dasharray", "opacity", "transform", "offset", "stop-color", "stop-opacity", "gradientunits",
            "gradienttransform", "font-family", "font-size", "font-weight", "text-anchor", "clip-path", "clip-rule",
            "preserveaspectratio", "version", "dx", "dy", "letter-spacing");

    private LogoInspector() {
    }

    /** @return the media type of an acceptable logo */
    static String inspect(byte[] bytes) {
        if (bytes.length == 0) {
            throw new SevaException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The logo is empty.");
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return decodes(bytes, "image/png");
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return decodes(bytes, "image/jpeg");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 512), java.nio.charset.StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")) {
            checkSvg(bytes);
            return "image/svg+xml";
        }
        throw new SevaException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "The logo must be a PNG, JPEG or SVG image (judged by its content, not its name).");
    }

    /**
     * Reads the image's size from its header first and refuses one over {@value #MAX_SIDE} pixels a side before
     * decoding it (a 100 KB PNG can declare 30000 × 30000 pixels: a gigabyte once decoded); then decodes it.
     */
    private static String decodes(byte[] bytes, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new SevaException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The logo is not a readable image.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new SevaException(ErrorCode.PAYLOAD_TOO_LARGE, "The logo is " + width + " × " + height
                            + " pixels; at most " + MAX_SIDE + " × " + MAX_SIDE + " are accepted.");
                }
                if (reader.read(0) == null) {
                    throw new SevaException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The logo is not a readable image.");
                }
            } finally {
                reader.dispose();
            }
            return type;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SevaException s) {
                throw s;
            }
            throw new SevaException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The logo is not a readable image.");
        }
    }

    private static void checkSvg(byte[] bytes) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        boolean root = true;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE
                        || ev == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                    throw unsafe("declarations and processing instructions are not allowed");
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName().toLowerCase(Locale.ROOT);
                if (root && (!name.equals("svg") || !"http://www.w3.org/2000/svg".equals(r.getNamespaceURI()))) {
                    throw unsafe("the root element must be an SVG <svg>");
                }
                root = false;
                if (!SVG_ELEMENTS.contains(name)) {
                    throw unsafe("the element <" + r.getLocalName() + "> is not allowed");
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    String attr = r.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
                    String value = r.getAttributeValue(i).toLowerCase(Locale.ROOT);
                    if (!SVG_ATTRIBUTES.contains(attr)) {
                        throw unsafe("the attribute " + r.getAttributeLocalName(i) + " is not allowed");
                    }
                    if (value.contains("url(") && !value.matches("url\\(#[a-z0-9_-]+\\)")
                            || value.contains("javascript:") || value.contains("expression(")) {
                        throw unsafe("the attribute " + r.getAttributeLocalName(i) + " refers outside the image");
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw unsafe("it is not well-formed XML");
        }
        if (root) {
            throw unsafe("it has no <svg> element");
        }
    }

    private static SevaException unsafe(String why) {
        return new SevaException(ErrorCode.UNSAFE_SVG, "The SVG logo was refused: " + why + ".");
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
