rule "google-dns-dnssec" {
  title     = "Public Cloud DNS zone does not have DNSSEC enabled"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["3.3"]
  }
  resources = ["google_dns_managed_zone"]
  aliases   = ["CKV_GCP_16", "AVD-GCP-0013", "google-dns-enable-dnssec"]

  description = <<-EOT
    Without DNSSEC, resolvers cannot verify that answers for the zone really come from its
    authoritative servers, so cache poisoning and on-path spoofing can send users and services to
    attacker-controlled addresses (and obtain certificates for them). Signing a public zone is a
    setting the zone owner has to turn on, and the DS record must be published at the registrar.

    The rule applies to public zones (`visibility` defaults to `public`) and asks for
    `dnssec_config { state = "on" }`; `transfer` (a signed zone being migrated between providers) is
    accepted too. `dnssec_config` has no default and DNSSEC is off without it.
  EOT
  remediation = "Add `dnssec_config { state = \"on\" }` to the managed zone and publish the resulting DS record at your domain registrar."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_managed_zone#dnssec_config",
    "https://cloud.google.com/dns/zones/",
  ]

  when {
    attribute "visibility" {
      equals  = "public"
      default = "public"
    }
  }

  assert {
    attribute "dnssec_config.state" {
      one_of = ["on", "transfer"]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_dns_managed_zone" "public" {  # expect: google-dns-dnssec
        name     = "example-com"
        dns_name = "example.com."
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_dns_managed_zone" "public" {
        name       = "example-com"
        dns_name   = "example.com."
        visibility = "public"

        dnssec_config {
          state = "off"  # expect: google-dns-dnssec
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_dns_managed_zone" "public" {
        name     = "example-com"
        dns_name = "example.com."

        dnssec_config {
          state = "on"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_dns_managed_zone" "internal" {
        name       = "internal-example"
        dns_name   = "internal.example.com."
        visibility = "private"

        private_visibility_config {
          networks {
            network_url = "projects/example-project/global/networks/prod"
          }
        }
      }
    EOT
  }
}
