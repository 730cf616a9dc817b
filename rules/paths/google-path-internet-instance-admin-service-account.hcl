path_rule "google-path-internet-instance-admin-service-account" {
  title    = "Internet-reachable Compute Engine instance runs as a service account with Owner or Editor"
  severity = "critical"
  search   = "internet-compute-instance-admin-service-account"

  description = <<-EOT
    The instance has an external IP address (an `access_config` block in a `network_interface`,
    even an empty one), and a `google_compute_firewall` of its network admits the internet to
    it: an enabled ingress `allow` rule whose `source_ranges` include 0.0.0.0/0 (or ::/0 for an
    external IPv6 address) and whose targets include the instance (no `target_tags` or
    `target_service_accounts`, or a tag the instance carries), with no deny rule of the same or
    a more important priority shutting it. The instance runs as a service account with the
    `cloud-platform` access scope, and that account holds `roles/owner` or `roles/editor` on the
    project, a folder or the organisation (`google_*_iam_member` or `_binding`). Whoever takes
    over the instance reads the account's token from the metadata server and controls every
    resource of the scope. The default compute service account holds Editor on its project
    unless the organisation policy `iam.automaticIamGrantsForDefaultServiceAccounts` is
    enforced, which a project's configuration does not show: such a path is undecided unless
    `google_project_default_service_accounts` deprivileges the account or a grant in the
    configuration gives it the role. Instances, firewall rules, service accounts and their
    roles are the customer's configuration. Critical: an internet entry combined with an
    administrator identity.
  EOT
  remediation = "Grant the instance's service account the narrow roles the workload needs instead of Owner or Editor (the cheapest single change); or narrow the firewall's `source_ranges` or `target_tags`, or remove the `access_config` block."
  references = [
    "https://cloud.google.com/compute/docs/access/service-accounts",
    "https://cloud.google.com/firewall/docs/firewalls",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#service_account",
  ]

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance" "web" { # expect: google-path-internet-instance-admin-service-account
        name         = "web"
        machine_type = "e2-small"
        zone         = "europe-west1-b"
        tags         = ["web"]

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          network = google_compute_network.main.id
          access_config {}
        }

        service_account {
          email  = google_service_account.web.email
          scopes = ["cloud-platform"]
        }
      }

      resource "google_compute_network" "main" {
        name = "main"
      }

      resource "google_compute_firewall" "web" {
        name          = "web"
        network       = google_compute_network.main.name
        source_ranges = ["0.0.0.0/0"]
        target_tags   = ["web"]

        allow {
          protocol = "tcp"
          ports    = ["443"]
        }
      }

      resource "google_service_account" "web" {
        account_id = "web"
      }

      resource "google_project_iam_member" "web" {
        project = "shop-prod"
        role    = "roles/editor"
        member  = "serviceAccount:$${google_service_account.web.email}"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # The firewall targets another tag: nothing opens this instance to the internet.
      resource "google_compute_instance" "web" {
        name         = "web"
        machine_type = "e2-small"
        zone         = "europe-west1-b"
        tags         = ["web"]

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          network = google_compute_network.main.id
          access_config {}
        }

        service_account {
          email  = google_service_account.web.email
          scopes = ["cloud-platform"]
        }
      }

      resource "google_compute_network" "main" {
        name = "main"
      }

      resource "google_compute_firewall" "bastion" {
        name          = "bastion"
        network       = google_compute_network.main.name
        source_ranges = ["0.0.0.0/0"]
        target_tags   = ["bastion"]

        allow {
          protocol = "tcp"
          ports    = ["22"]
        }
      }

      resource "google_service_account" "web" {
        account_id = "web"
      }

      resource "google_project_iam_member" "web" {
        project = "shop-prod"
        role    = "roles/editor"
        member  = "serviceAccount:$${google_service_account.web.email}"
      }
    EOT
  }
}
