rule "aws-redshift-publicly-accessible" {
  title     = "Redshift cluster is, or may be, publicly accessible"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_redshift_cluster"]
  aliases   = ["CKV_AWS_87"]

  description = <<-EOT
    A publicly accessible Redshift cluster gets a public IP address, and its endpoint can be
    reached from the internet wherever the security group allows it; the warehouse's database
    protocol and master user then face password guessing and exploits from anywhere. AWS provider
    6.0 changed the default of `publicly_accessible` from `true` to `false`, so an omitted
    argument means a public cluster with provider 5.x and earlier. This rule therefore asks for
    `publicly_accessible = false` to be stated. Network exposure of the cluster is the customer's
    configuration under the shared responsibility model.
  EOT
  remediation = "Set `publicly_accessible = false`, place the cluster in private subnets (`cluster_subnet_group_name`), and reach it through a VPN, a bastion, or Redshift-managed VPC endpoints."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade",
  ]

  assert {
    attribute "publicly_accessible" {
      equals = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_cluster" "dw" {
        cluster_identifier     = "dw"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        encrypted              = true
        publicly_accessible    = true  # expect: aws-redshift-publicly-accessible
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_cluster" "dw" {  # expect: aws-redshift-publicly-accessible
        cluster_identifier     = "dw"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        encrypted              = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_redshift_cluster" "dw" {
        cluster_identifier     = "dw"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        encrypted              = true
        publicly_accessible    = false
      }
    EOT
  }
}
