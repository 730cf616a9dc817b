rule "google-compute-instance-no-default-service-account" {
  title     = "Compute instance runs as the Compute Engine default service account"
  severity  = "high"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["4.1"]
  }
  resources = [
    "google_compute_instance",
    "google_compute_instance_template",
    "google_compute_region_instance_template",
  ]
  aliases   = ["CKV_GCP_30", "AVD-GCP-0044", "google-compute-no-default-service-account"]

  description = <<-EOT
    A `service_account` block without `email`, or with the default account's address
     (`PROJECT_NUMBER-compute@developer.gserviceaccount.com`), runs the instance as the Compute Engine
     default service account, which is often Editor on the project. Anyone who gets code execution on
     the VM can read its token from the metadata server and change almost anything in the project.
     Severity is high for that escalation path. The workload identity is the customer's choice.

     An `email` read from the `google_compute_default_service_account` data source is the default
     account too; one read from a `google_service_account` resource is a dedicated account. An
     instance with no `service_account` block runs without any service account and passes.
  EOT
  remediation = "Create a dedicated service account with only the roles the workload needs and set it as `service_account.email`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#service_account",
    "https://cloud.google.com/compute/docs/access/service-accounts#default_service_account",
  ]

  assert {
    each "service_account" {
      any {
        # A dedicated account's address is `ACCOUNT_ID@PROJECT.iam.gserviceaccount.com`.
        attribute "email" {
          refers_to = "google_service_account.email"
        }
        attribute "email" {
          not_matches   = "-compute@developer\\.gserviceaccount\\.com$"
          not_refers_to = [
            "data.google_compute_default_service_account.email",
            "data.google_compute_default_service_account.member",
            "data.google_compute_default_service_account.id",
            "data.google_compute_default_service_account.name",
            "data.google_compute_default_service_account.unique_id",
          ]
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
          subnetwork = "app"
        }

        service_account {  # expect: google-compute-instance-no-default-service-account
          scopes = ["cloud-platform"]
        }
      }
    EOT
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
          subnetwork = "app"
        }

        service_account {
          email  = "123456789012-compute@developer.gserviceaccount.com"  # expect: google-compute-instance-no-default-service-account
          scopes = ["cloud-platform"]
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
          subnetwork = "app"
        }

        service_account {
          email  = data.google_compute_default_service_account.default.email  # expect: google-compute-instance-no-default-service-account
          scopes = ["cloud-platform"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_service_account" "app" {
        account_id   = "app"
        display_name = "App server"
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
          subnetwork = "app"
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
          subnetwork = "app"
        }

        service_account {
          email  = "app@example-project.iam.gserviceaccount.com"
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
          subnetwork = "app"
        }

      }
    EOT
  }
}
