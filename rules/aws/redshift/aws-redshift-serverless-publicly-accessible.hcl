rule "aws-redshift-serverless-publicly-accessible" {
  title     = "Redshift Serverless workgroup is publicly accessible"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_redshiftserverless_workgroup"]

  description = <<-EOT
    With `publicly_accessible = true` a Redshift Serverless workgroup gets an endpoint that
    resolves to public addresses, so the data warehouse accepts connections from the internet
    wherever its security groups allow. What stands between the data and the world is then a
    security group rule and a database password. The argument defaults to `false`. Network
    exposure is the customer's choice under the shared responsibility model. High: a data
    warehouse reachable from the internet, as for provisioned clusters
    (aws-redshift-publicly-accessible).
  EOT
  remediation = <<-EOT
    Keep the workgroup private and reach it through the VPC:

        resource "aws_redshiftserverless_workgroup" "analytics" {
          namespace_name      = aws_redshiftserverless_namespace.analytics.namespace_name
          workgroup_name      = "analytics"
          publicly_accessible = false
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshiftserverless_workgroup#publicly_accessible",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-connecting.html",
  ]

  assert {
    attribute "publicly_accessible" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshiftserverless_workgroup" "analytics" {
        namespace_name      = "analytics"
        workgroup_name      = "analytics"
        publicly_accessible = true  # expect: aws-redshift-serverless-publicly-accessible
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_redshiftserverless_workgroup" "analytics" {
        namespace_name     = "analytics"
        workgroup_name     = "analytics"
        subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
        security_group_ids = ["sg-0123456789abcdef0"]
      }
    EOT
  }
}
