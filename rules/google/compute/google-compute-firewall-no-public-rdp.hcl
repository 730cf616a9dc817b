rule "google-compute-firewall-no-public-rdp" {
  title     = "VPC firewall rule allows RDP (port 3389) from the internet"
  severity  = "critical"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["3.7"]
  }
  resources = ["google_compute_firewall"]
  aliases   = ["CKV_GCP_3", "AVD-GCP-0070", "google-compute-no-open-rdp-access"]

  description = <<-EOT
    An ingress rule that allows TCP port 3389 from `0.0.0.0/0` exposes Remote Desktop on every
    Windows instance it targets. Internet-facing RDP is one of the most common initial access vectors
    for ransomware, through password spraying, stolen credentials and RDP vulnerabilities. The default
    network's `default-allow-rdp` rule is exactly this. VPC firewall rules are entirely the customer's
    configuration; Google enforces what is written.

    The rule looks at ingress rules (`direction` defaults to `INGRESS`) whose `source_ranges`
    contain `0.0.0.0/0` or `::/0` and whose `allow` blocks cover port 3389, including port ranges
    and rules without `ports` (all ports) or with protocol `all`.

    `source_tags` or `source_service_accounts` next to `source_ranges` widen the sources (a packet
    matches if it comes from any of them), so they do not narrow an internet range. Both TCP and UDP
    3389 are reported: RDP 8 and later also carries sessions over UDP 3389.
  EOT
  remediation = "Narrow `source_ranges` to your administrators' addresses, or use Identity-Aware Proxy TCP forwarding (source range `35.235.240.0/20`) and remove the public rule."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall",
    "https://cloud.google.com/vpc/docs/firewalls",
  ]

  assert {
    builtin "network-no-public-ingress" {
      port = 3389
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "admin" {
        name          = "allow-rdp"
        network       = "prod"
        source_ranges = ["0.0.0.0/0"]  # expect: google-compute-firewall-no-public-rdp

        allow {
          protocol = "tcp"
          ports    = ["3389"]
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "wide" {
        name          = "allow-high-ports"
        network       = "prod"
        direction     = "INGRESS"
        source_ranges = ["0.0.0.0/0"]  # expect: google-compute-firewall-no-public-rdp

        allow {
          protocol = "tcp"
          ports    = ["20-4000"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_firewall" "admin" {
        name          = "allow-rdp-from-iap"
        network       = "prod"
        source_ranges = ["35.235.240.0/20"]

        allow {
          protocol = "tcp"
          ports    = ["3389"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_firewall" "web" {
        name          = "allow-https"
        network       = "prod"
        source_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "tcp"
          ports    = ["443"]
        }
      }
    EOT
  }
}
