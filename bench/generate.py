"""Plausible Indonesian news articles about AI and gig work, generated from a seed.

Why generate: the benchmarks must measure an index of realistic size (1,000 articles, ~10k
chunks) and we cannot ship that many real articles. What matters for cost is realistic text:
Indonesian sentences of news length, a vocabulary spread over the bot's topics (pay, benefits,
unions, platforms, layoffs, kinds of jobs, rules, training), many distinct names, places and
numbers (so BM25 sees a long tail of rare terms), and lengths from a few paragraphs to long
features. The same seed always gives the same files, byte for byte, so the embedding cache
stays valid between runs.

Run: `.venv/bin/python -m bench.generate OUT_DIR [--articles 1000] [--seed 42]`.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

FIRST = (
    "Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko", "Kartika",
    "Lestari", "Made", "Nur", "Oki", "Putri", "Rizky", "Sari", "Teguh", "Utami", "Wahyu", "Yusuf",
    "Agus", "Bayu", "Dian", "Fajar", "Galih", "Intan", "Nanda", "Ratna", "Siti", "Taufik", "Wulan",
)
LAST = (
    "Santoso", "Wijaya", "Siregar", "Nasution", "Hutapea", "Saputra", "Lestari", "Pratama",
    "Kusuma", "Hidayat", "Rahman", "Setiawan", "Purba", "Simanjuntak", "Wibowo", "Halim",
    "Gunawan", "Manurung", "Tanjung", "Firmansyah", "Sembiring", "Situmorang", "Daulay",
)
CITIES = (
    "Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Yogyakarta", "Semarang", "Denpasar",
    "Palembang", "Padang", "Pontianak", "Manado", "Kupang", "Malang", "Bekasi", "Depok",
    "Batam", "Balikpapan", "Jayapura", "Mataram", "Nairobi", "Manila", "Bengaluru", "Kansas",
)
PLATFORMS = (
    "Remotasks", "Appen", "Toloka", "Clickworker", "Upwork", "Fiverr", "Sribulancer",
    "Projects.co.id", "Gojek", "Grab", "Maxim", "Shopee Food", "Outlier", "DataAnnotation",
    "Lionbridge", "TELUS International", "Sama", "Scale AI", "Amazon Mechanical Turk",
)
COMPANIES = (
    "OpenAI", "Google", "Meta", "Microsoft", "Amazon", "ByteDance", "Netflix", "Anthropic",
    "Tokopedia", "Bukalapak", "Traveloka", "Telkom", "Indosat", "Samsung", "Baidu", "Alibaba",
)
JOBS = (
    "pelabel data", "moderator konten", "penerjemah lepas", "pengemudi ojek daring",
    "kurir paket", "penulis lepas", "anotator suara", "penguji model AI", "pelatih chatbot",
    "desainer grafis lepas", "transkripsionis", "peninjau hasil pencarian", "penilai iklan",
    "operator data", "pengisi suara", "ilustrator lepas", "analis prompt", "editor video lepas",
)
PUBLISHERS = (
    "Kabar Kerja", "Warta Digital", "Suara Pekerja", "Teknologi Hari Ini", "Harian Ekonomi",
    "Jurnal Gig", "Berita Nusantara", "Pojok Teknologi", "Lensa Bisnis", "Catatan Buruh",
)
UNIONS = (
    "Serikat Pekerja Digital Indonesia", "Serikat Pengemudi Daring", "Asosiasi Pekerja Lepas",
    "Serikat Moderator Konten Afrika", "Federasi Buruh Teknologi", "Serikat Pekerja Data",
    "Komunitas Pekerja AI", "Gabungan Mitra Pengemudi",
)
INSTITUTIONS = (
    "Kementerian Ketenagakerjaan", "BPJS Ketenagakerjaan", "Badan Pusat Statistik",
    "Organisasi Buruh Internasional (ILO)", "Fairwork", "Lembaga Penelitian SMERU",
    "Universitas Indonesia", "Universitas Gadjah Mada", "Institut Teknologi Bandung", "YLBHI",
)
TOPICS = ("upah", "tunjangan", "serikat", "platform", "phk", "jenis", "regulasi", "pelatihan")


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One generated article: file name and the full Markdown text (front matter included)."""

    name: str
    text: str


class _Writer:
    """Fills sentence templates with random names, places and numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def rupiah(self, low: int, high: int, step: int = 5_000) -> str:
        value = self.rng.randrange(low, high, step)
        return f"Rp {value:,}".replace(",", ".")

    def fill(self, template: str) -> str:
        r = self.rng
        return template.format(
            nama=self.person(), nama2=self.person(), kota=r.choice(CITIES),
            kota2=r.choice(CITIES), platform=r.choice(PLATFORMS), platform2=r.choice(PLATFORMS),
            perusahaan=r.choice(COMPANIES), pekerjaan=r.choice(JOBS), pekerjaan2=r.choice(JOBS),
            serikat=r.choice(UNIONS), lembaga=r.choice(INSTITUTIONS),
            umur=r.randint(19, 58), jam=r.randint(4, 14), hari=r.randint(3, 7),
            persen=r.randint(3, 85), persen2=r.randint(2, 40), tahun=r.randint(2019, 2026),
            jumlah=r.randrange(40, 9_000, 10), ribu=r.randint(2, 400), dolar=r.randint(2, 60),
            bulan=r.choice((
                "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                "September", "Oktober", "November", "Desember",
            )),
            upah_jam=self.rupiah(15_000, 250_000), upah_bulan=self.rupiah(1_500_000, 18_000_000,
                                                                          50_000),
            upah_tugas=self.rupiah(200, 15_000, 100), iuran=self.rupiah(16_800, 200_000, 100),
        )


TITLES = {
    "upah": (
        "{pekerjaan} di {kota} mengeluh upah {upah_tugas} per tugas",
        "Berapa sebenarnya bayaran {pekerjaan} untuk proyek AI?",
        "Tarif {platform} turun, {pekerjaan} kehilangan {persen} persen penghasilan",
        "Gaji {pekerjaan} {perusahaan} capai {dolar} dolar AS per jam",
    ),
    "tunjangan": (
        "{pekerjaan} tanpa BPJS: risiko di balik kerja lepas AI",
        "Mitra {platform} menuntut asuransi kesehatan",
        "Hanya {persen} persen pekerja gig punya jaminan sosial",
    ),
    "serikat": (
        "{serikat} resmi berdiri di {kota}",
        "Pekerja AI di {kota} bentuk serikat untuk melawan upah rendah",
        "{serikat} gelar aksi di depan kantor {platform}",
    ),
    "platform": (
        "{platform} ubah algoritma pembagian tugas, pekerja bingung",
        "Mengenal {platform}, platform kerja lepas untuk pelatihan AI",
        "{perusahaan} alihkan proyek anotasi ke {platform}",
    ),
    "phk": (
        "{perusahaan} PHK {jumlah} karyawan, AI disebut jadi alasan",
        "Gelombang PHK {bulan} {tahun}: {pekerjaan} paling terdampak",
        "{perusahaan} pecat pekerja magang setelah insiden model AI",
    ),
    "jenis": (
        "Mengenal pekerjaan {pekerjaan}, profesi baru di era AI",
        "Dari {pekerjaan} ke {pekerjaan2}: jalan karier di industri AI",
        "Lowongan {pekerjaan} naik {persen} persen sepanjang {tahun}",
    ),
    "regulasi": (
        "Pemerintah siapkan aturan perlindungan {pekerjaan}",
        "{lembaga}: status mitra merugikan pekerja platform",
        "Aturan baru kerja lepas berlaku {bulan} {tahun}",
    ),
    "pelatihan": (
        "Pelatihan gratis {pekerjaan} dibuka di {kota}",
        "{perusahaan} latih {ribu} ribu pekerja untuk keterampilan AI",
        "Sertifikasi {pekerjaan} jadi syarat baru di {platform}",
    ),
}

SENTENCES = {
    "upah": (
        "{nama}, {pekerjaan} berusia {umur} tahun di {kota}, mengaku hanya menerima {upah_tugas} "
        "untuk setiap tugas yang ia selesaikan di {platform}.",
        "Dalam sebulan, penghasilannya rata-rata {upah_bulan}, jauh di bawah upah minimum "
        "{kota}.",
        "Menurut data {lembaga}, upah rata-rata {pekerjaan} turun {persen} persen sejak {tahun}.",
        "{perusahaan} disebut membayar kontraktornya {dolar} dolar AS per jam, atau sekitar "
        "{upah_jam}.",
        "Ia bekerja {jam} jam sehari, {hari} hari seminggu, demi mengejar target tugas.",
        "Bayaran sering terlambat hingga {hari} minggu karena proses verifikasi di {platform}.",
        "\u201cKalau tugasnya sedikit, dalam sehari saya cuma dapat {upah_jam},\u201d kata "
        "{nama}.",
        "Sebagian pekerja menerima pembayaran dalam dolar AS melalui dompet digital, sehingga "
        "penghasilan ikut naik turun mengikuti kurs.",
        "Survei terhadap {jumlah} responden menemukan {persen} persen pekerja menganggap upah "
        "mereka tidak layak.",
    ),
    "tunjangan": (
        "Sebagai mitra, {pekerjaan} tidak mendapat BPJS Kesehatan maupun BPJS Ketenagakerjaan "
        "dari {platform}.",
        "{nama} membayar sendiri iuran BPJS sebesar {iuran} per bulan.",
        "Menurut {lembaga}, hanya {persen} persen pekerja gig terdaftar dalam program jaminan "
        "sosial.",
        "Tidak ada cuti berbayar, tunjangan hari raya, atau pesangon bagi pekerja kontrak ini.",
        "{perusahaan} menyatakan akan menanggung asuransi kecelakaan kerja mulai {bulan} {tahun}.",
        "Pekerja yang sakit lebih dari {hari} hari otomatis kehilangan akses ke tugas baru.",
        "Moderator konten di {kota} meminta layanan konseling karena sering melihat gambar "
        "kekerasan.",
    ),
    "serikat": (
        "{serikat} kini beranggotakan {jumlah} pekerja dari {kota} dan {kota2}.",
        "Ketua {serikat}, {nama}, mengatakan serikat akan menuntut kenaikan tarif {persen} "
        "persen.",
        "Serikat juga meminta {platform} membuka cara kerja algoritma yang menentukan bayaran.",
        "Aksi mogok digelar pada {bulan} {tahun} dan diikuti sekitar {jumlah} mitra.",
        "Pengurus serikat mengaku sempat diancam akan dinonaktifkan dari aplikasi.",
        "{lembaga} menilai hak berserikat pekerja platform dijamin undang-undang.",
        "Serikat pekerja AI di {kota2} disebut menjadi contoh bagi pekerja di {kota}.",
    ),
    "platform": (
        "{platform} menghubungkan {perusahaan} dengan ribuan {pekerjaan} di berbagai negara.",
        "Sejak {bulan} {tahun}, {platform} memakai sistem penilaian baru yang memotong akses "
        "pekerja dengan skor rendah.",
        "Pekerja harus lulus ujian kualifikasi sebelum mendapat tugas berbayar.",
        "Menurut {nama}, tugas di {platform} makin jarang sejak {perusahaan} memindahkan proyek "
        "ke {platform2}.",
        "Akun bisa diblokir tanpa penjelasan, dan banding sering tidak dijawab.",
        "{platform} mengambil potongan {persen2} persen dari setiap transaksi.",
        "Juru bicara {platform} menyatakan perusahaan berkomitmen pada kesejahteraan mitra.",
    ),
    "phk": (
        "{perusahaan} memberhentikan {jumlah} karyawan pada {bulan} {tahun}.",
        "Manajemen menyebut otomatisasi berbasis AI membuat sebagian posisi tidak lagi "
        "dibutuhkan.",
        "Pekerja yang terdampak menerima pesangon setara {hari} bulan gaji.",
        "{nama}, mantan {pekerjaan} di {perusahaan}, kini beralih menjadi {pekerjaan2}.",
        "Seorang karyawan magang dipecat setelah dituduh mengganggu pelatihan model AI "
        "perusahaan.",
        "{lembaga} memperkirakan {ribu} ribu pekerjaan di sektor ini berisiko hilang dalam lima "
        "tahun.",
        "Sebagian pekerja yang di-PHK direkrut kembali sebagai kontraktor dengan bayaran lebih "
        "rendah.",
    ),
    "jenis": (
        "Tugas {pekerjaan} antara lain memberi label pada gambar, menilai jawaban chatbot, dan "
        "menulis contoh percakapan.",
        "Pekerjaan {pekerjaan} bisa dilakukan dari rumah hanya dengan laptop dan koneksi "
        "internet.",
        "Lowongan {pekerjaan2} di {kota} meningkat {persen} persen dibanding tahun lalu.",
        "{perusahaan} mencari manajer produk AI dengan gaji hingga {ribu}0 ribu dolar AS per "
        "tahun.",
        "Penutur bahasa daerah kini dicari untuk merekam suara dan menerjemahkan teks pelatihan.",
        "Pelatih AI profesional, seperti dokter dan pengacara, bisa dibayar {dolar}0 dolar AS "
        "per jam.",
        "{nama} memulai karier sebagai {pekerjaan} sebelum menjadi koordinator tim di {kota}.",
    ),
    "regulasi": (
        "{lembaga} sedang menyusun aturan yang mengakui mitra platform sebagai pekerja.",
        "Rancangan aturan mewajibkan platform mendaftarkan pekerjanya ke BPJS Ketenagakerjaan.",
        "Menurut {nama} dari {lembaga}, status kemitraan membuat pekerja kehilangan hak dasar.",
        "Di {kota2}, pengadilan memutuskan pekerja {platform} berhak atas upah minimum.",
        "Aturan baru itu dijadwalkan berlaku pada {bulan} {tahun}.",
        "Pengusaha platform khawatir aturan tersebut menaikkan biaya hingga {persen} persen.",
    ),
    "pelatihan": (
        "Program pelatihan {pekerjaan} dibuka untuk {jumlah} peserta di {kota}.",
        "{perusahaan} bekerja sama dengan {lembaga} untuk melatih {ribu} ribu pekerja.",
        "Peserta belajar dasar pelabelan data, penulisan prompt, dan etika AI selama {hari} "
        "minggu.",
        "Lulusan program dijanjikan akses prioritas ke proyek di {platform}.",
        "{nama}, peserta berusia {umur} tahun, berharap bisa mendapat penghasilan tetap setelah "
        "lulus.",
        "Biaya sertifikasi {upah_jam} ditanggung sepenuhnya oleh penyelenggara.",
    ),
}

GENERIC = (
    "Fenomena ini sejalan dengan pesatnya pertumbuhan industri kecerdasan buatan di Asia "
    "Tenggara.",
    "Banyak pekerja menganggap pekerjaan ini sebagai penghasilan tambahan, bukan karier jangka "
    "panjang.",
    "Pengamat ketenagakerjaan {nama2} menilai pemerintah perlu turun tangan.",
    "Hingga berita ini diturunkan, {perusahaan} belum memberikan tanggapan resmi.",
    "Kisah serupa juga dialami pekerja di {kota2}.",
    "Data {lembaga} mencatat jumlah pekerja lepas daring di Indonesia mencapai {ribu} ribu "
    "orang pada {tahun}.",
)

SUBHEADINGS = (
    "Bayaran yang tidak menentu", "Tanpa perlindungan", "Suara dari lapangan",
    "Tanggapan perusahaan", "Apa kata pemerintah", "Harapan ke depan", "Di balik layar AI",
)


def article(n: int, rng: random.Random) -> GeneratedArticle:
    """Article number `n`: one main topic, a second topic mixed in, 3-20 paragraphs."""
    w = _Writer(rng)
    main = TOPICS[n % len(TOPICS)] if rng.random() < 0.5 else rng.choice(TOPICS)
    other = rng.choice(TOPICS)
    title = w.fill(rng.choice(TITLES[main]))
    title = title[:1].upper() + title[1:]
    paragraphs: list[str] = []
    for p in range(rng.choice((3, 4, 5, 6, 8, 10, 12, 14, 16, 20))):
        if p and p % 4 == 0 and rng.random() < 0.6:
            paragraphs.append(rng.choice(SUBHEADINGS))
        pool = SENTENCES[main] if rng.random() < 0.7 else SENTENCES[other]
        sentences = [w.fill(t) for t in rng.sample(pool, rng.randint(2, 5))]
        if rng.random() < 0.25:
            sentences.append(w.fill(rng.choice(GENERIC)))
        paragraphs.append(" ".join(sentences))
    year = rng.randint(2019, 2026)
    front = (
        "---\n"
        f'title: "{title}"\n'
        f"publisher: {rng.choice(PUBLISHERS)}\n"
        f"url: https://berita.example/{year}/{n:04d}\n"
        f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
        "---\n"
    )
    body = "\n\n".join(paragraphs) + "\n"
    return GeneratedArticle(name=f"gen-{n:04d}-{main}.md", text=front + body)


def articles(count: int, seed: int = 42) -> list[GeneratedArticle]:
    """`count` articles; the same (count, seed) always gives the same texts."""
    rng = random.Random(seed)
    return [article(n, rng) for n in range(count)]


def write_corpus(folder: Path, count: int, seed: int = 42) -> list[Path]:
    """Write the articles as .md files into `folder` (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in articles(count, seed):
        path = folder / item.name
        path.write_text(item.text, encoding="utf-8")
        paths.append(path)
    return paths


QUESTIONS = (
    "Berapa upah pelabel data per tugas?",
    "Apakah pengemudi ojek daring mendapat BPJS Ketenagakerjaan?",
    "Berapa iuran BPJS yang dibayar sendiri oleh pekerja lepas?",
    "Serikat apa yang dibentuk pekerja AI?",
    "Kenapa perusahaan teknologi melakukan PHK karena AI?",
    "Apa saja tugas seorang anotator suara?",
    "Berapa potongan yang diambil platform dari setiap transaksi?",
    "Kapan aturan baru kerja lepas berlaku?",
    "Apakah moderator konten mendapat layanan konseling?",
    "Berapa bayaran pelatih AI profesional per jam?",
    "Bagaimana cara ikut pelatihan gratis untuk pekerjaan AI?",
    "Berapa pesangon pekerja yang terkena PHK?",
    "Why do gig workers want a union?",
    "Siapa pemenang piala dunia sepak bola tahun 1998?",
    "Bagaimana resep rendang yang enak?",
)


def main(argv: list[str] | None = None) -> int:
    """Write a generated corpus to a folder."""
    parser = argparse.ArgumentParser(description="generate Indonesian AI/gig-work articles")
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    paths = write_corpus(args.out, args.articles, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
