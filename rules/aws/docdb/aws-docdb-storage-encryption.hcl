rule "aws-docdb-storage-encryption" {
  title     = "DocumentDB cluster storage is not encrypted"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_docdb_cluster"]
  aliases   = ["CKV_AWS_74", "AVD-AWS-0021", "aws-documentdb-enable-storage-encryption"]

  description = <<-EOT
    Without storage encryption the DocumentDB cluster volume, its automated backups, snapshots and
    replicas hold application documents unencrypted; a snapshot that is shared or copied by
    mistake exposes all of it. Encryption can only be chosen when the cluster is created.
    DocumentDB is managed by AWS, but turning on encryption is the customer's setting under the shared responsibility model.
    `storage_encrypted` defaults to `false`.
  EOT
  remediation = "Set `storage_encrypted = true` (optionally with `kms_key_id` for a customer-managed key) when creating the cluster; migrate an existing cluster through an encrypted snapshot restore."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html",
  ]

  assert {
    attribute "storage_encrypted" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_docdb_cluster" "main" {  # expect: aws-docdb-storage-encryption
        cluster_identifier          = "docs"
        master_username             = "app"
        master_password             = "example-only-password"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_docdb_cluster" "main" {
        cluster_identifier          = "docs"
        master_username             = "app"
        master_password             = "example-only-password"
        storage_encrypted           = true
      }
    EOT
  }
}
