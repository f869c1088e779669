// Reads a QR code on screen as a phone's camera would: the image the page shows is drawn to
// pixels on a canvas in that page and decoded by jsQR.
import jsQR from "jsqr";

/** The text of the QR code shown by `image` (a locator of an `<img>`), or null. */
export async function readQr(image) {
  const { size, pixels } = await image.evaluate(async (img) => {
    await img.decode();
    const size = 600;
    const canvas = document.createElement("canvas");
    canvas.width = size;
    canvas.height = size;
    const g = canvas.getContext("2d");
    // A camera sees the code against the screen around it; a quiet zone keeps it readable.
    g.fillStyle = "#fff";
    g.fillRect(0, 0, size, size);
    g.drawImage(img, 40, 40, size - 80, size - 80);
    return { size, pixels: Array.from(g.getImageData(0, 0, size, size).data) };
  });
  const found = jsQR(Uint8ClampedArray.from(pixels), size, size);
  return found ? found.data : null;
}
