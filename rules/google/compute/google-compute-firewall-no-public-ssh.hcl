rule "google-compute-firewall-no-public-ssh" {
  title     = "VPC firewall rule allows SSH (port 22) from the internet"
  severity  = "high"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["3.6"]
  }
  resources = ["google_compute_firewall"]
  aliases   = ["CKV_GCP_2", "AVD-GCP-0071", "google-compute-restrict-ssh-access"]

  description = <<-EOT
    An ingress rule that allows TCP port 22 from `0.0.0.0/0` lets anyone on the internet reach the
    SSH daemon of every instance it targets. Such ports are found by scanners within minutes and
    attacked with password guessing, stolen keys and daemon exploits. The default network's
    `default-allow-ssh` rule is exactly this. VPC firewall rules are entirely the customer's
    configuration; Google enforces what is written.

    The rule looks at ingress rules (`direction` defaults to `INGRESS`) whose `source_ranges`
    contain `0.0.0.0/0` or `::/0` and whose `allow` blocks cover port 22, including port ranges
    and rules without `ports` (all ports) or with protocol `all`.
  EOT
  remediation = "Narrow `source_ranges` to your administrators' addresses, or use Identity-Aware Proxy TCP forwarding (source range `35.235.240.0/20`) and remove the public rule."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall",
    "https://cloud.google.com/vpc/docs/firewalls",
  ]

  assert {
    builtin "network-no-public-ingress" {
      port = 22
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "admin" {
        name          = "allow-ssh"
        network       = "prod"
        source_ranges = ["0.0.0.0/0"]  # expect: google-compute-firewall-no-public-ssh

        allow {
          protocol = "tcp"
          ports    = ["22"]
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
        source_ranges = ["0.0.0.0/0"]  # expect: google-compute-firewall-no-public-ssh

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
        name          = "allow-ssh-from-iap"
        network       = "prod"
        source_ranges = ["35.235.240.0/20"]

        allow {
          protocol = "tcp"
          ports    = ["22"]
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
