rule "aws-mwaa-webserver-public" {
  title     = "MWAA environment exposes the Airflow web server to the internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_mwaa_environment"]

  description = <<-EOT
    The Apache Airflow UI of a Managed Workflows for Apache Airflow environment shows every DAG,
    its code, connections and variables (often database and API credentials), and lets its users
    trigger runs with the environment's execution role. `webserver_access_mode = "PUBLIC_ONLY"`
    puts the sign-in page on the internet, where only an IAM-signed login URL stands between it
    and anyone who obtains a console session or a token; `PRIVATE_ONLY` (the default) keeps it
    reachable only from the VPC. Network exposure is the customer's choice under the shared
    responsibility model. High: an orchestration console with credentials, reachable from the
    internet.
  EOT
  remediation = <<-EOT
    Keep the web server private and reach it through the VPC (VPN, Direct Connect or a bastion):

        resource "aws_mwaa_environment" "etl" {
          # ...
          webserver_access_mode = "PRIVATE_ONLY"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mwaa_environment#webserver_access_mode",
    "https://docs.aws.amazon.com/mwaa/latest/userguide/configuring-networking.html",
  ]

  assert {
    attribute "webserver_access_mode" {
      equals  = "PRIVATE_ONLY"
      default = "PRIVATE_ONLY"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_mwaa_environment" "etl" {
        name                  = "etl"
        dag_s3_path           = "dags/"
        execution_role_arn    = "arn:aws:iam::123456789012:role/mwaa-etl"
        source_bucket_arn     = "arn:aws:s3:::etl-dags"
        webserver_access_mode = "PUBLIC_ONLY"  # expect: aws-mwaa-webserver-public
        network_configuration {
          security_group_ids = ["sg-0123456789abcdef0"]
          subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_mwaa_environment" "etl" {
        name               = "etl"
        dag_s3_path        = "dags/"
        execution_role_arn = "arn:aws:iam::123456789012:role/mwaa-etl"
        source_bucket_arn  = "arn:aws:s3:::etl-dags"
        network_configuration {
          security_group_ids = ["sg-0123456789abcdef0"]
          subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
        }
      }
    EOT
  }
}
