rule "aws-rds-publicly-accessible" {
  title     = "RDS database instance is publicly accessible"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_db_instance", "aws_rds_cluster_instance"]
  aliases   = ["CKV_AWS_17", "AVD-AWS-0180", "aws-rds-enable-public-access"]
  compliance = {
    "cis-aws-3.0" = ["2.3.3"]
  }

  description = <<-EOT
    With `publicly_accessible = true` RDS gives the instance a DNS name that resolves to a public
    IP address. In a subnet with a route to an internet gateway, the database listener is then one
    security group rule away from the internet, where credential stuffing, brute force and
    exploits of the engine's network protocol are routine. Network placement of a managed
    database is the customer's configuration under the shared responsibility model. The argument
    defaults to `false`.
  EOT
  remediation = "Set `publicly_accessible = false` (or remove it), place the database in private subnets, and reach it through a VPN, bastion, or AWS Systems Manager / RDS Proxy."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_instance",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
  ]

  assert {
    attribute "publicly_accessible" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "mysql"
        instance_class              = "db.t4g.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
        storage_encrypted           = true
        publicly_accessible         = true  # expect: aws-rds-publicly-accessible
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_rds_cluster_instance" "app" {
        identifier          = "app-1"
        cluster_identifier  = "app"
        engine              = "aurora-mysql"
        instance_class      = "db.r6g.large"
        publicly_accessible = true  # expect: aws-rds-publicly-accessible
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "mysql"
        instance_class              = "db.t4g.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
        storage_encrypted           = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster_instance" "app" {
        identifier          = "app-1"
        cluster_identifier  = "app"
        engine              = "aurora-mysql"
        instance_class      = "db.r6g.large"
        publicly_accessible = false
      }
    EOT
  }
}
