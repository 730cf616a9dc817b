rule "google-compute-no-public-access" {
  title     = "Compute Engine image, disk, snapshot, instance or subnetwork grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_compute_image_iam_member",
    "google_compute_image_iam_binding",
    "google_compute_image_iam_policy",
    "google_compute_disk_iam_member",
    "google_compute_disk_iam_binding",
    "google_compute_disk_iam_policy",
    "google_compute_snapshot_iam_member",
    "google_compute_snapshot_iam_binding",
    "google_compute_snapshot_iam_policy",
    "google_compute_instance_iam_member",
    "google_compute_instance_iam_binding",
    "google_compute_instance_iam_policy",
    "google_compute_subnetwork_iam_member",
    "google_compute_subnetwork_iam_binding",
    "google_compute_subnetwork_iam_policy",
  ]

  description = <<-EOT
    A role on an image, disk or snapshot granted to `allUsers` or `allAuthenticatedUsers` lets anyone
    create disks and instances from it in their own project and read everything it contains:
    application code, configuration, keys left on the file system. A role on an instance (such as
    `roles/compute.instanceAdmin.v1` or `roles/compute.osAdminLogin`) lets anyone administer or log
    in to it, and `roles/compute.networkUser` on a subnetwork lets anyone place workloads in it. Who
    may use these resources is the customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Share images and snapshots with named projects, groups or service accounts, and grant instance and subnetwork roles to named principals, instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_image_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_snapshot_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork_iam",
    "https://cloud.google.com/compute/docs/images/managing-access-custom-images",
  ]

  assert {
    attribute "member" {
      not_one_of = ["allUsers", "allAuthenticatedUsers"]
      default    = ""
    }
    attribute "members" {
      not_contains = "allUsers"
      default      = []
    }
    attribute "members" {
      not_contains = "allAuthenticatedUsers"
      default      = []
    }
    attribute "policy_data" {
      not_matches = "\"(allUsers|allAuthenticatedUsers)\""
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_image_iam_member" "public" {
        image  = "golden-image"
        role   = "roles/compute.imageUser"
        member = "allAuthenticatedUsers"  # expect: google-compute-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_snapshot_iam_binding" "public" {
        name    = "db-snapshot"
        role    = "roles/compute.storageAdmin"
        members = [  # expect: google-compute-no-public-access
          "allUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance_iam_policy" "public" {
        zone          = "europe-west1-b"
        instance_name = "bastion"
        policy_data = jsonencode({  # expect: google-compute-no-public-access
          bindings = [{
            role    = "roles/compute.osAdminLogin"
            members = ["allAuthenticatedUsers"]
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_disk_iam_member" "public" {
        zone   = "europe-west1-b"
        name   = "data-disk"
        role   = "roles/compute.storageAdmin"
        member = "allUsers"  # expect: google-compute-no-public-access
      }

      resource "google_compute_subnetwork_iam_binding" "public" {
        region     = "europe-west1"
        subnetwork = "shared-subnet"
        role       = "roles/compute.networkUser"
        members    = ["allAuthenticatedUsers"]  # expect: google-compute-no-public-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_image_iam_member" "partner" {
        image  = "golden-image"
        role   = "roles/compute.imageUser"
        member = "group:image-consumers@example.com"
      }

      resource "google_compute_snapshot_iam_binding" "backup" {
        name    = "db-snapshot"
        role    = "roles/compute.storageAdmin"
        members = ["serviceAccount:backup@example-project.iam.gserviceaccount.com"]
      }

      resource "google_compute_instance_iam_policy" "ops" {
        zone          = "europe-west1-b"
        instance_name = "bastion"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/compute.osAdminLogin"
            members = ["group:ops@example.com"]
          }]
        })
      }

      resource "google_compute_subnetwork_iam_binding" "service_project" {
        region     = "europe-west1"
        subnetwork = "shared-subnet"
        role       = "roles/compute.networkUser"
        members    = ["serviceAccount:service-123@cloudservices.gserviceaccount.com"]
      }
    EOT
  }
}
