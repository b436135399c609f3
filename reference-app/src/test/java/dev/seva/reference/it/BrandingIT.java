package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BrandingIT {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private static JsonObject branding(String name, String primary, String footer) {
        return Json.createObjectBuilder().add("displayName", name).add("primaryColor", primary)
                .add("accentColor", "#00AA55").add("supportEmail", "help@firm.in").add("footerText", footer).build();
    }

    private static HttpResponse<byte[]> putLogo(Api.TestTenant t, String token, byte[] bytes, String type)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.BASE
                + "/api/v1/tenant/branding/logo")).header("X-Seva-Tenant", t.slug())
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> getLogo(Api.TestTenant t) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/branding/logo"))
                .header("X-Seva-Tenant", t.slug()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String code(HttpResponse<byte[]> r) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), body);
        return Json.createReader(new java.io.StringReader(body)).readObject().getString("code");
    }

    @Test
    void eachTenantShowsItsOwnBrandingAndTextIsKeptAsTyped() {
        var a = Api.newTenant("brand-a");
        var b = Api.newTenant("brand-b");
        var defaults = get("/api/v1/branding", a.t(), null).expect(200);
        assertEquals("brand-a & Co", defaults.str("displayName"));
        Api.call("PUT", "/api/v1/tenant/branding", a.t(), a.adminToken(),
                branding("Acme " + SCRIPT, "#AA0000", "© Acme " + SCRIPT)).expect(200);
        var shown = get("/api/v1/branding", a.t(), null).expect(200);
        assertEquals("Acme " + SCRIPT, shown.str("displayName"), "stored as typed, for pages to escape");
        assertEquals("#aa0000", shown.str("primaryColor"));
        assertEquals("brand-b & Co", get("/api/v1/branding", b.t(), null).expect(200).str("displayName"));
        get("/api/v1/branding", Api.Tenant.NONE, null).problem(400, "TENANT_REQUIRED");
    }

    @Test
    void badBrandingInputNamesTheFieldsAndOnlyTenantAdminsChangeIt() {
        var t = Api.newTenant("brand-bad");
        var r = Api.call("PUT", "/api/v1/tenant/branding", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("displayName", "").add("primaryColor", "red").add("accentColor", "#12345")
                .add("supportEmail", "nope").build()).problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("displayName", "primaryColor", "accentColor", "supportEmail"), r.fields());
        var staff = Api.newUser(t, "STAFF");
        Api.call("PUT", "/api/v1/tenant/branding", t.t(), staff.token(), branding("X", "#000000", ""))
                .problem(403, "FORBIDDEN");
    }

    @Test
    void logosAreJudgedByTheirBytes() throws Exception {
        var t = Api.newTenant("logo");
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        // a real PNG sent as octet-stream is a PNG
        assertEquals(200, putLogo(t, t.adminToken(), png.toByteArray(), "application/octet-stream").statusCode());
        var logoUrl = get("/api/v1/branding", t.t(), null).expect(200).str("logoUrl");
        assertTrue(logoUrl.startsWith("/api/v1/branding/logo"), logoUrl);
        var served = getLogo(t);
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));

        // an executable named and typed as a PNG is not one
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        assertEquals("UNSUPPORTED_MEDIA_TYPE", code(putLogo(t, t.adminToken(), elf, "image/png")));
        // a PNG signature with garbage after it does not decode
        byte[] fake = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        assertEquals("UNSUPPORTED_MEDIA_TYPE", code(putLogo(t, t.adminToken(), fake, "image/png")));
        assertEquals("PAYLOAD_TOO_LARGE", code(putLogo(t, t.adminToken(), new byte[300 * 1024], "image/png")));

        String ns = "xmlns=\"http://www.w3.org/2000/svg\"";
        for (String svg : List.of("<svg " + ns + "><script>alert(1)</script></svg>",
                "<svg " + ns + " onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>",
                "<svg " + ns + "><foreignObject><div>x</div></foreignObject></svg>",
                "<svg " + ns + "><rect fill=\"url(https://evil.example/x)\"/></svg>",
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg " + ns
                        + "><text>&x;</text></svg>")) {
            assertEquals("UNSAFE_SVG", code(putLogo(t, t.adminToken(), svg.getBytes(StandardCharsets.UTF_8),
                    "image/svg+xml")), svg);
        }
        String clean = "<svg " + ns + " viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#1f4e79\"/>"
                + "</svg>";
        assertEquals(200, putLogo(t, t.adminToken(), clean.getBytes(StandardCharsets.UTF_8), "image/svg+xml")
                .statusCode());
        var svgServed = getLogo(t);
        assertEquals("image/svg+xml", svgServed.headers().firstValue("Content-Type").orElse(""));
        assertTrue(svgServed.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));

        Api.call("DELETE", "/api/v1/tenant/branding/logo", t.t(), t.adminToken(), null).expect(204);
        assertEquals("NOT_FOUND", code(getLogo(t)));
    }

    /** A valid PNG of {@code w} x {@code h} black pixels (1-bit grey): tiny on the wire, huge once decoded. */
    private static byte[] blankPng(int w, int h) throws Exception {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
            byte[] row = new byte[1 + (w + 7) / 8]; // filter byte 0, then the bits
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        var ihdr = java.nio.ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 1).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        var crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(type.getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aLogoIsMeasuredFromItsHeaderAndRefusedOverTheLimitBeforeDecoding() throws Exception {
        var t = Api.newTenant("bigLogo".toLowerCase());
        byte[] huge = blankPng(30_000, 30_000);
        assertTrue(huge.length < 256 * 1024, huge.length + " bytes");
        // ImageIO reads it: a valid image
        try (var in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(huge))) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(30_000, reader.getWidth(0));
            reader.dispose();
        }
        long started = System.nanoTime();
        var refused = putLogo(t, t.adminToken(), huge, "image/png");
        assertEquals(413, refused.statusCode(), new String(refused.body(), StandardCharsets.UTF_8));
        assertEquals("PAYLOAD_TOO_LARGE", code(refused));
        assertTrue(System.nanoTime() - started < java.util.concurrent.TimeUnit.SECONDS.toNanos(10),
                "refused from the header, without decoding 900 megapixels");
        assertEquals("NOT_FOUND", code(getLogo(t)));
        // a logo within the limit is still accepted
        assertEquals(200, putLogo(t, t.adminToken(), blankPng(2048, 512), "image/png").statusCode());
    }
}
