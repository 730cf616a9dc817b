rule "aws-memorydb-tls" {
  title     = "MemoryDB cluster accepts connections without TLS"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_memorydb_cluster"]

  description = <<-EOT
    MemoryDB is a durable primary database, not only a cache. With `tls_enabled = false` the
    data and the users' passwords travel between clients and the cluster in clear text across
    the VPC. `tls_enabled` defaults to `true` and can only be set at creation, so only an explicit
    `false` is reported. Encrypting data in transit is the customer's side of the shared
    responsibility model. Medium: database traffic and credentials unencrypted inside the VPC.
  EOT
  remediation = <<-EOT
    Keep TLS on (recreating the cluster if it was created without it):

        resource "aws_memorydb_cluster" "store" {
          # ...
          tls_enabled = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster#tls_enabled",
    "https://docs.aws.amazon.com/memorydb/latest/devguide/in-transit-encryption.html",
  ]

  assert {
    attribute "tls_enabled" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_memorydb_cluster" "store" {
        name        = "store"
        acl_name    = "store-acl"
        node_type   = "db.t4g.small"
        tls_enabled = false  # expect: aws-memorydb-tls
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_memorydb_cluster" "store" {
        name      = "store"
        acl_name  = "store-acl"
        node_type = "db.t4g.small"
      }
    EOT
  }
}
