"""Indonesian news articles for the link and feed tests (generated text, realistic shape)."""

from __future__ import annotations

from tests.support.news_site import Page

LABELERS = Page(
    slug="pelabel-data-yogyakarta",
    title="Pelabel Data di Yogyakarta Dibayar Rp 2.500 per Gambar",
    paragraphs=[
        "Ratusan pelabel data di Yogyakarta kini bekerja dari rumah untuk perusahaan kecerdasan "
        "buatan asal Singapura. Mereka menandai objek pada foto jalan raya yang dipakai untuk "
        "melatih mobil otonom.",
        "Setiap gambar yang selesai dilabeli dibayar Rp 2.500. Seorang pelabel berpengalaman "
        "bisa menyelesaikan sekitar 120 gambar sehari, sehingga pendapatannya mencapai "
        "Rp 300.000 per hari bila pekerjaan tersedia.",
        "Namun pekerjaan tidak selalu ada. Dalam sebulan terakhir, banyak pelabel hanya mendapat "
        "tugas selama sepuluh hari, dan mereka tidak menerima tunjangan kesehatan maupun BPJS "
        "Ketenagakerjaan dari platform tersebut.",
        "Serikat Pekerja Digital Yogyakarta meminta platform menetapkan upah minimum per jam dan "
        "mendaftarkan para pelabel ke program jaminan sosial.",
    ],
    summary="Pelabel data AI di Yogyakarta dibayar per gambar tanpa tunjangan.",
)

MODERATORS = Page(
    slug="moderator-konten-jakarta",
    title="Moderator Konten Jakarta Tuntut Istirahat dan Layanan Psikolog",
    paragraphs=[
        "Para moderator konten yang menyaring video kekerasan untuk sebuah platform media sosial "
        "di Jakarta menuntut waktu istirahat lima belas menit setiap dua jam kerja.",
        "Mereka dikontrak lewat perusahaan alih daya dengan gaji Rp 5,2 juta per bulan. Menurut "
        "para moderator, target harian 800 video membuat mereka kelelahan dan sulit tidur.",
        "Perusahaan alih daya itu berjanji menyediakan layanan psikolog gratis mulai bulan depan, "
        "tetapi belum menjawab tuntutan soal waktu istirahat dan target harian.",
    ],
    summary="Moderator konten platform media sosial menuntut istirahat; pekerja alih daya.",
)

RIDERS = Page(
    slug="kurir-daring-bandung",
    title="Kurir Daring Bandung Bentuk Serikat Setelah Tarif Dipotong",
    paragraphs=[
        "Ribuan kurir daring di Bandung membentuk serikat pekerja setelah aplikasi pengantaran "
        "memotong tarif dasar dari Rp 9.000 menjadi Rp 7.500 per pengantaran.",
        "Ketua serikat, Asep Saepudin, mengatakan algoritma aplikasi kini membagikan order lebih "
        "sedikit kepada kurir yang menolak pesanan jarak jauh.",
        "Serikat meminta Dinas Tenaga Kerja memediasi perundingan dengan perusahaan aplikasi dan "
        "menuntut tarif dasar dikembalikan seperti semula.",
    ],
    summary="Kurir daring Bandung membentuk serikat pekerja setelah tarif dipotong aplikasi.",
)

FOOTBALL = Page(
    slug="timnas-menang",
    title="Timnas Menang 2-1 atas Vietnam di Stadion Utama",
    paragraphs=[
        "Tim nasional sepak bola Indonesia menang 2-1 atas Vietnam dalam laga persahabatan di "
        "Stadion Utama Gelora Bung Karno, Jakarta, Selasa malam.",
        "Dua gol tim Garuda dicetak pada babak kedua melalui sundulan kepala dan tendangan bebas "
        "yang tidak mampu dihalau penjaga gawang lawan.",
        "Pelatih menyebut kemenangan ini modal penting menjelang turnamen regional bulan depan.",
    ],
    summary="Laga persahabatan sepak bola di Jakarta berakhir 2-1.",
)


def grown(page: Page, slug: str, title: str, fact: str) -> Page:
    """Another relevant article built on a page's shape (for feeds that grow)."""
    return Page(
        slug=slug, title=title,
        paragraphs=[fact, *page.paragraphs[1:]],
        summary=f"{title}. Pekerja dan upah.",
    )
