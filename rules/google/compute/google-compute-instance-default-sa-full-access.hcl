rule "google-compute-instance-default-sa-full-access" {
  title     = "Compute instance runs as the default service account with full Cloud API access"
  severity  = "high"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["4.2"]
  }
  resources = [
    "google_compute_instance",
    "google_compute_instance_template",
    "google_compute_region_instance_template",
    "google_compute_instance_from_template",
  ]
  aliases = ["CKV_GCP_31"]

  description = <<-EOT
    The Compute Engine default service account (`PROJECT_NUMBER-compute@developer.gserviceaccount.com`)
    historically holds the Editor role on the project. With the `cloud-platform` scope nothing limits
    what the VM's token can do, so anyone who gets code execution on the instance, or reaches its
    metadata server through an SSRF bug, can modify almost every resource in the project. Choosing the
    identity and scopes of a VM is the customer's responsibility.

    A `service_account` block without `email` uses the default service account. The rule reports a
    block whose email is absent, ends in `-compute@developer.gserviceaccount.com` or is read from
    the `google_compute_default_service_account` data source, and whose
    `scopes` contain `cloud-platform` (short name or full URL). Instances without a
    `service_account` block have no service account and pass.
  EOT
  remediation = "Create a dedicated service account with only the roles the workload needs and set `service_account { email = google_service_account.app.email, scopes = [\"cloud-platform\"] }`, or keep the default account with narrow scopes."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#service_account",
    "https://cloud.google.com/compute/docs/access/create-enable-service-accounts-for-instances#best_practices",
    "https://cloud.google.com/compute/docs/access/service-accounts#accesscopesiam",
  ]

  assert {
    none "service_account" {
      # A dedicated account's address is `ACCOUNT_ID@PROJECT.iam.gserviceaccount.com`.
      not {
        attribute "email" {
          refers_to = "google_service_account.email"
        }
      }
      any {
        attribute "email" {
          present = false
        }
        attribute "email" {
          matches = "-compute@developer\\.gserviceaccount\\.com$"
        }
        attribute "email" {
          refers_to = [
            "data.google_compute_default_service_account.email",
            "data.google_compute_default_service_account.member",
            "data.google_compute_default_service_account.id",
            "data.google_compute_default_service_account.name",
            "data.google_compute_default_service_account.unique_id",
          ]
        }
      }
      any {
        attribute "scopes" {
          contains = "cloud-platform"
        }
        attribute "scopes" {
          contains = "https://www.googleapis.com/auth/cloud-platform"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        service_account {
          scopes = ["cloud-platform"]  # expect: google-compute-instance-default-sa-full-access
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance_template" "app" {
        name_prefix  = "app-"
        machine_type = "e2-standard-2"

        disk {
          source_image = "debian-cloud/debian-12"
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        service_account {
          email  = "123456789012-compute@developer.gserviceaccount.com"
          scopes = ["https://www.googleapis.com/auth/cloud-platform"]  # expect: google-compute-instance-default-sa-full-access
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      data "google_compute_default_service_account" "default" {}

      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        service_account {
          email  = data.google_compute_default_service_account.default.email
          scopes = ["cloud-platform"]  # expect: google-compute-instance-default-sa-full-access
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_service_account" "app" {
        account_id   = "app-runtime"
        display_name = "App runtime"
      }

      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        service_account {
          email  = google_service_account.app.email
          scopes = ["cloud-platform"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        service_account {
          email  = "app-runtime@example-project.iam.gserviceaccount.com"
          scopes = ["cloud-platform"]
        }
      }
    EOT
  }
}
